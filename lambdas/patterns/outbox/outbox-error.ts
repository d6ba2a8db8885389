/**
 * Base of the errors the outbox publisher raises per record; each becomes a batch item failure, so the
 * stream redelivers the record (and, past the retry limit, the event source's on-failure destination
 * receives it).
 */
export class OutboxError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export const isOutboxError = (error: unknown): error is OutboxError => error instanceof OutboxError;

/**
 * Held back, not attempted: an earlier event of the same stream failed in this batch, and publishing this
 * one first would reorder the stream for consumers.
 */
export class OutboxOrderHoldError extends OutboxError {
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

export const isOutboxOrderHoldError = (error: unknown): error is OutboxOrderHoldError =>
  error instanceof OutboxOrderHoldError;
