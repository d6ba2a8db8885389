import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/** DynamoDB failed (throttling, a network fault): transient, retry. */
export class NotificationStoreUnavailableError extends AgentbridgeError {
  override readonly name = 'NotificationStoreUnavailableError';
  readonly operation: string;
  /** Read by the Lambda layer's `isTransientError`: a later attempt can succeed. */
  override readonly transient = true;

  constructor(operation: string, options?: { cause?: unknown }) {
    super(
      'NOTIFICATION_STORE_UNAVAILABLE',
      `Notification ${operation} failed: ${String(options?.cause)}`,
      options,
    );
    this.operation = operation;
  }
}

/** A stored notification does not have the shape this code writes. Not transient. */
export class CorruptNotificationItemError extends AgentbridgeError {
  override readonly name = 'CorruptNotificationItemError';
  readonly id: string;

  constructor(id: string, detail: string) {
    super('CORRUPT_NOTIFICATION_ITEM', `Notification "${id}" is corrupt: ${detail}`);
    this.id = id;
  }
}
