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

/**
 * No live token for (order, trigger): never stored, already taken, or expired. `awaitedTriggers` lists what
 * the order IS waiting for right now, so an unexpected trigger can be rejected with a useful message.
 */
export class TaskTokenNotFoundError extends TaskTokenError {
  readonly orderId: string;
  readonly trigger: string;
  readonly awaitedTriggers: readonly string[];

  constructor(
    orderId: string,
    trigger: string,
    awaitedTriggers: readonly string[],
    options?: { cause?: unknown },
  ) {
    const awaiting = awaitedTriggers.length === 0 ? 'nothing' : awaitedTriggers.join(', ');
    super(
      'TASK_TOKEN_NOT_FOUND',
      `Order ${orderId} is not waiting for ${JSON.stringify(trigger)} (awaiting: ${awaiting})`,
      options,
    );
    this.orderId = orderId;
    this.trigger = trigger;
    this.awaitedTriggers = awaitedTriggers;
  }
}

export const isTaskTokenNotFoundError = (error: unknown): error is TaskTokenNotFoundError =>
  error instanceof TaskTokenNotFoundError;

/** An empty or oversized order id, trigger or token, or a TTL that is not a positive whole number of seconds. */
export class InvalidTaskTokenInputError extends TaskTokenError {
  readonly field: 'orderId' | 'trigger' | 'token' | 'ttlSeconds';
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
