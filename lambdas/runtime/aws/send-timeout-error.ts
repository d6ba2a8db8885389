import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/**
 * A `send` got no reply within its timeout. The remote handler may still be running (its `ctx.signal` aborts
 * at the same deadline); the caller has stopped waiting.
 */
export class SendTimeoutError extends AgentbridgeError {
  override readonly name = 'SendTimeoutError';
  /** A later attempt gets a fresh deadline. */
  override readonly transient = true;
  readonly recipient: string;
  readonly messageType: string;
  readonly timeoutMs: number;

  constructor(recipient: string, messageType: string, timeoutMs: number, options?: { cause?: unknown }) {
    super('SEND_TIMEOUT', `${messageType} to ${recipient} got no reply within ${timeoutMs} ms`, options);
    this.recipient = recipient;
    this.messageType = messageType;
    this.timeoutMs = timeoutMs;
  }
}
