import { SAGA_TASK_ERRORS } from '../../contracts/order/saga-task-errors.js';

/** Base of every error the users agent raises; `code` is stable so callers branch on it, not `instanceof`. */
export class UsersError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export const isUsersError = (error: unknown): error is UsersError => error instanceof UsersError;

/** ValidateUser (saga task): the user does not exist or is deleted. Step Functions catches it by name. */
export class UserInvalidError extends UsersError {
  readonly userId: string;
  readonly reason: 'not-found' | 'deleted';

  constructor(userId: string, reason: 'not-found' | 'deleted', options?: { cause?: unknown }) {
    super(SAGA_TASK_ERRORS.UserInvalidError.code, `User "${userId}" is invalid: ${reason}`, options);
    this.userId = userId;
    this.reason = reason;
  }
}

export const isUserInvalidError = (error: unknown): error is UserInvalidError =>
  error instanceof UserInvalidError;

/** A command named a user that does not exist (or no longer does: deleted users accept no commands). */
export class UserNotFoundError extends UsersError {
  readonly userId: string;

  constructor(userId: string, options?: { cause?: unknown }) {
    super('USER_NOT_FOUND', `User "${userId}" does not exist`, options);
    this.userId = userId;
  }
}

export const isUserNotFoundError = (error: unknown): error is UserNotFoundError =>
  error instanceof UserNotFoundError;

/** Create with an id that is already taken. */
export class UserAlreadyExistsError extends UsersError {
  readonly userId: string;

  constructor(userId: string, options?: { cause?: unknown }) {
    super('USER_ALREADY_EXISTS', `User "${userId}" already exists`, options);
    this.userId = userId;
  }
}

export const isUserAlreadyExistsError = (error: unknown): error is UserAlreadyExistsError =>
  error instanceof UserAlreadyExistsError;

/** Create or update with an email another user holds (compared normalized: trimmed, lower-cased). */
export class EmailAlreadyTakenError extends UsersError {
  readonly email: string;
  readonly heldBy: string | undefined;

  constructor(email: string, heldBy: string | undefined, options?: { cause?: unknown }) {
    super('EMAIL_ALREADY_TAKEN', `Email "${email}" is already taken`, options);
    this.email = email;
    this.heldBy = heldBy;
  }
}

export const isEmailAlreadyTakenError = (error: unknown): error is EmailAlreadyTakenError =>
  error instanceof EmailAlreadyTakenError;
