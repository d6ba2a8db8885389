import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/**
 * Held back, not attempted: an earlier event of the same stream failed in this batch, and publishing this
 * one first would reorder the stream for consumers.
 */
export class OutboxOrderHoldError extends AgentbridgeError {
  override readonly name = 'OutboxOrderHoldError';
  readonly streamId: string;
  readonly version: number;

  constructor(streamId: string, version: number) {
    super(
      'OUTBOX_ORDER_HOLD',
      `Event ${streamId}@${version} held back: an earlier event of the stream failed to publish in this batch`,
    );
    this.streamId = streamId;
    this.version = version;
  }
}
