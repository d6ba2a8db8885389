import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/**
 * A `send` got no reply within its timeout. The remote handler may still be running (its `ctx.signal` aborts
 * at the same deadline); the caller has stopped waiting.
 */
export class SendTimeoutError extends AgentbridgeError {
  override readonly name = 'SendTimeoutError';
  readonly recipient: string;
  readonly messageType: string;
  readonly timeoutMs: number;

  constructor(recipient: string, messageType: string, timeoutMs: number, options?: { cause?: unknown }) {
    // Transient: a later attempt gets a fresh deadline.
    super('SEND_TIMEOUT', `${messageType} to ${recipient} got no reply within ${timeoutMs} ms`, {
      ...options,
      transient: true,
    });
    this.recipient = recipient;
    this.messageType = messageType;
    this.timeoutMs = timeoutMs;
  }
}
