/** Base of every error the notification record store raises; `code` is stable so callers branch on it. */
export class NotificationStoreError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export const isNotificationStoreError = (error: unknown): error is NotificationStoreError =>
  error instanceof NotificationStoreError;

/** DynamoDB failed (throttling, a network fault): transient, retry. */
export class NotificationStoreUnavailableError extends NotificationStoreError {
  readonly operation: string;
  /** Read by the Lambda layer's `isTransientError`: a later attempt can succeed. */
  readonly transient = true;

  constructor(operation: string, options?: { cause?: unknown }) {
    super(
      'NOTIFICATION_STORE_UNAVAILABLE',
      `Notification ${operation} failed: ${String(options?.cause)}`,
      options,
    );
    this.operation = operation;
  }
}

export const isNotificationStoreUnavailableError = (
  error: unknown,
): error is NotificationStoreUnavailableError => error instanceof NotificationStoreUnavailableError;

/** A stored notification does not have the shape this code writes. Not transient. */
export class CorruptNotificationItemError extends NotificationStoreError {
  readonly id: string;

  constructor(id: string, detail: string) {
    super('CORRUPT_NOTIFICATION_ITEM', `Notification "${id}" is corrupt: ${detail}`);
    this.id = id;
  }
}

export const isCorruptNotificationItemError = (error: unknown): error is CorruptNotificationItemError =>
  error instanceof CorruptNotificationItemError;
