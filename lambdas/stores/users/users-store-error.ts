import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/** A listing cursor that this store did not issue (or that was altered). Bad input: not retried. */
export class InvalidUsersCursorError extends AgentbridgeError {
  override readonly name = 'InvalidUsersCursorError';
  readonly cursor: string;

  constructor(cursor: string, options?: { cause?: unknown }) {
    super('INVALID_USERS_CURSOR', 'The cursor was not issued by this listing', options);
    this.cursor = cursor;
  }
}
