import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/** An empty or oversized order id, trigger, state, token, event id or signal, or a TTL that is not a positive whole number of seconds. */
export class InvalidTaskTokenInputError extends AgentbridgeError {
  override readonly name = 'InvalidTaskTokenInputError';
  readonly field: 'orderId' | 'trigger' | 'state' | 'token' | 'eventId' | 'signal' | 'ttlSeconds';
  readonly reason: string;

  constructor(field: InvalidTaskTokenInputError['field'], reason: string) {
    super('INVALID_TASK_TOKEN_INPUT', `Invalid ${field}: ${reason}`);
    this.field = field;
    this.reason = reason;
  }
}

/** The backing store failed (throttling, network, permissions, a malformed item). */
export class TaskTokenStoreUnavailableError extends AgentbridgeError {
  override readonly name = 'TaskTokenStoreUnavailableError';
  readonly operation: string;

  constructor(operation: string, options?: { cause?: unknown }) {
    super(
      'TASK_TOKEN_STORE_UNAVAILABLE',
      `Task token ${operation} failed: ${String(options?.cause)}`,
      options,
    );
    this.operation = operation;
  }
}

export const isTaskTokenStoreUnavailableError = (error: unknown): error is TaskTokenStoreUnavailableError =>
  error instanceof TaskTokenStoreUnavailableError;
