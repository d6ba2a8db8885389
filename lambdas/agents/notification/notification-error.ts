import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/** No contact details for the user (unknown or deleted): nothing was recorded. */
export class RecipientUnknownError extends AgentbridgeError {
  override readonly name = 'RecipientUnknownError';
  readonly userId: string;

  constructor(userId: string, options?: { cause?: unknown }) {
    super('RECIPIENT_UNKNOWN', `No contact details for user "${userId}"`, options);
    this.userId = userId;
  }
}
