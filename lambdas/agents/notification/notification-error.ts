/** Base of every error the notification agent raises; `code` is stable so callers branch on it. */
export class NotificationError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export const isNotificationError = (error: unknown): error is NotificationError =>
  error instanceof NotificationError;

/** No contact details for the user (unknown or deleted): nothing was recorded. */
export class RecipientUnknownError extends NotificationError {
  readonly userId: string;

  constructor(userId: string, options?: { cause?: unknown }) {
    super('RECIPIENT_UNKNOWN', `No contact details for user "${userId}"`, options);
    this.userId = userId;
  }
}

export const isRecipientUnknownError = (error: unknown): error is RecipientUnknownError =>
  error instanceof RecipientUnknownError;
