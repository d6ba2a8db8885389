/**
 * Base of every error the task-token store raises. `code` is stable, so callers branch on it rather than
 * on `instanceof`.
 */
export class TaskTokenError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export const isTaskTokenError = (error: unknown): error is TaskTokenError => error instanceof TaskTokenError;

/** An empty or oversized order id, trigger, state, token, event id or signal, or a TTL that is not a positive whole number of seconds. */
export class InvalidTaskTokenInputError extends TaskTokenError {
  readonly field: 'orderId' | 'trigger' | 'state' | 'token' | 'eventId' | 'signal' | 'ttlSeconds';
  readonly reason: string;

  constructor(field: InvalidTaskTokenInputError['field'], reason: string) {
    super('INVALID_TASK_TOKEN_INPUT', `Invalid ${field}: ${reason}`);
    this.field = field;
    this.reason = reason;
  }
}

export const isInvalidTaskTokenInputError = (error: unknown): error is InvalidTaskTokenInputError =>
  error instanceof InvalidTaskTokenInputError;

/** The backing store failed (throttling, network, permissions, a malformed item). */
export class TaskTokenStoreUnavailableError extends TaskTokenError {
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
