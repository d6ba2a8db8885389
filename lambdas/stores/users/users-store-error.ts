import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/** DynamoDB failed (throttling, a network fault): transient, retry the command. */
export class UsersStoreUnavailableError extends AgentbridgeError {
  override readonly name = 'UsersStoreUnavailableError';
  readonly operation: string;
  /** Read by the Lambda layer's `isTransientError`: a later attempt can succeed. */
  override readonly transient = true;

  constructor(operation: string, options?: { cause?: unknown }) {
    super('USERS_STORE_UNAVAILABLE', `Users store ${operation} failed: ${String(options?.cause)}`, options);
    this.operation = operation;
  }
}

/** A listing cursor that this store did not issue (or that was altered). Bad input: not retried. */
export class InvalidUsersCursorError extends AgentbridgeError {
  override readonly name = 'InvalidUsersCursorError';
  readonly cursor: string;

  constructor(cursor: string, options?: { cause?: unknown }) {
    super('INVALID_USERS_CURSOR', 'The cursor was not issued by this listing', options);
    this.cursor = cursor;
  }
}

/** A stored item does not have the shape this code writes. Not transient. */
export class CorruptUserItemError extends AgentbridgeError {
  override readonly name = 'CorruptUserItemError';
  readonly key: string;

  constructor(key: string, detail: string) {
    super('CORRUPT_USER_ITEM', `Users item ${key} is corrupt: ${detail}`);
    this.key = key;
  }
}
