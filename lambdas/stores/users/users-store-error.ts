/** Base of every error the users stores (claims, read model) raise; `code` is stable so callers branch on it. */
export class UsersStoreError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export const isUsersStoreError = (error: unknown): error is UsersStoreError =>
  error instanceof UsersStoreError;

/** DynamoDB failed (throttling, a network fault): transient, retry the command. */
export class UsersStoreUnavailableError extends UsersStoreError {
  readonly operation: string;
  /** Read by the Lambda layer's `isTransientError`: a later attempt can succeed. */
  readonly transient = true;

  constructor(operation: string, options?: { cause?: unknown }) {
    super('USERS_STORE_UNAVAILABLE', `Users store ${operation} failed: ${String(options?.cause)}`, options);
    this.operation = operation;
  }
}

export const isUsersStoreUnavailableError = (error: unknown): error is UsersStoreUnavailableError =>
  error instanceof UsersStoreUnavailableError;

/** A listing cursor that this store did not issue (or that was altered). Bad input: not retried. */
export class InvalidUsersCursorError extends UsersStoreError {
  readonly cursor: string;

  constructor(cursor: string, options?: { cause?: unknown }) {
    super('INVALID_USERS_CURSOR', 'The cursor was not issued by this listing', options);
    this.cursor = cursor;
  }
}

export const isInvalidUsersCursorError = (error: unknown): error is InvalidUsersCursorError =>
  error instanceof InvalidUsersCursorError;

/** A stored item does not have the shape this code writes. Not transient. */
export class CorruptUserItemError extends UsersStoreError {
  readonly key: string;

  constructor(key: string, detail: string) {
    super('CORRUPT_USER_ITEM', `Users item ${key} is corrupt: ${detail}`);
    this.key = key;
  }
}

export const isCorruptUserItemError = (error: unknown): error is CorruptUserItemError =>
  error instanceof CorruptUserItemError;
