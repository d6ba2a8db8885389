import { createHash } from 'node:crypto';
import type { LocalQueue } from '../local-deployment.js';
import type { MessageToSend } from './queue-message.js';
import { invalidParameter, missingParameter } from './sqs-errors.js';

/** SQS keeps a FIFO deduplication id for five minutes. */
const DEDUPLICATION_MS = 5 * 60_000;

interface Sent {
  readonly messageId: string;
  readonly sequenceNumber: string | undefined;
  readonly at: number;
}

/**
 * A FIFO queue's send rules: a group id on every message, no per-message delay, a deduplication id given
 * or (content-based deduplication) the SHA-256 of the body, remembered five minutes; and the increasing
 * sequence numbers SQS gives the messages it accepts.
 */
export class FifoDeduplication {
  readonly #seen = new Map<string, Sent>();
  #sequence = 0n;

  constructor(readonly queue: LocalQueue) {}

  /** The deduplication id of a send, refusing one SQS would refuse. */
  idOf(message: MessageToSend): string {
    if (message.groupId === undefined) throw missingParameter('MessageGroupId');
    if (message.delaySeconds !== undefined && message.delaySeconds !== 0) {
      throw invalidParameter(
        'The request include parameter that is not valid for this queue type. DelaySeconds',
      );
    }
    if (message.deduplicationId !== undefined) return message.deduplicationId;
    if (!this.queue.contentBasedDeduplication) {
      throw invalidParameter(
        'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
      );
    }
    return createHash('sha256').update(message.body, 'utf8').digest('hex');
  }

  /** The message a deduplication id was accepted as within the last five minutes, if any. */
  duplicateOf(id: string, now: number): Sent | undefined {
    for (const [seenId, sent] of this.#seen) {
      if (now - sent.at >= DEDUPLICATION_MS) this.#seen.delete(seenId);
    }
    return this.#seen.get(id);
  }

  remember(id: string, sent: Sent): void {
    this.#seen.set(id, sent);
  }

  nextSequenceNumber(): string {
    this.#sequence += 1n;
    return (18_000_000_000_000_000_000n + this.#sequence).toString();
  }
}
