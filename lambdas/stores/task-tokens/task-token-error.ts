import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/** An empty or oversized order id, trigger, state, token, event id or signal, or a TTL that is not a positive whole number of seconds. */
export class InvalidTaskTokenInputError extends AgentbridgeError {
  override readonly name = 'InvalidTaskTokenInputError';
  readonly field: 'orderId' | 'trigger' | 'state' | 'token' | 'eventId' | 'signal' | 'ttlSeconds';
  readonly reason: string;

  constructor(field: InvalidTaskTokenInputError['field'], reason: string) {
    super('INVALID_TASK_TOKEN_INPUT', `Invalid ${field}: ${reason}`);
    this.field = field;
    this.reason = reason;
  }
}
