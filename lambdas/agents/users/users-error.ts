import { AgentbridgeError } from '../../contracts/agentbridge-error.js';
import { SAGA_TASK_ERRORS } from '../../contracts/order/saga-task-errors.js';

/** ValidateUser (saga task): the user does not exist or is deleted. Step Functions catches it by name. */
export class UserInvalidError extends AgentbridgeError {
  override readonly name = 'UserInvalidError';
  readonly userId: string;
  readonly reason: 'not-found' | 'deleted';

  constructor(userId: string, reason: 'not-found' | 'deleted', options?: { cause?: unknown }) {
    super(SAGA_TASK_ERRORS.UserInvalidError.code, `User "${userId}" is invalid: ${reason}`, options);
    this.userId = userId;
    this.reason = reason;
  }
}

/** A command named a user that does not exist (or no longer does: deleted users accept no commands). */
export class UserNotFoundError extends AgentbridgeError {
  override readonly name = 'UserNotFoundError';
  readonly userId: string;

  constructor(userId: string, options?: { cause?: unknown }) {
    super('USER_NOT_FOUND', `User "${userId}" does not exist`, options);
    this.userId = userId;
  }
}

/** Create with an id that is already taken. */
export class UserAlreadyExistsError extends AgentbridgeError {
  override readonly name = 'UserAlreadyExistsError';
  readonly userId: string;

  constructor(userId: string, options?: { cause?: unknown }) {
    super('USER_ALREADY_EXISTS', `User "${userId}" already exists`, options);
    this.userId = userId;
  }
}

/** Create or update with an email another user holds (compared normalized: trimmed, lower-cased). */
export class EmailAlreadyTakenError extends AgentbridgeError {
  override readonly name = 'EmailAlreadyTakenError';
  readonly email: string;
  readonly heldBy: string | undefined;

  constructor(email: string, heldBy: string | undefined, options?: { cause?: unknown }) {
    super('EMAIL_ALREADY_TAKEN', `Email "${email}" is already taken`, options);
    this.email = email;
    this.heldBy = heldBy;
  }
}
