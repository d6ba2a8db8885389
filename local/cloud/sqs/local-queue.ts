import { randomUUID } from 'node:crypto';
import type { LocalClock } from '../local-clock.js';
import type { LocalJournal } from '../local-cloud-ports.js';
import type { LocalQueue } from '../local-deployment.js';
import { FifoDeduplication } from './fifo-deduplication.js';
import {
  type MessageToSend,
  type ReceivedMessage,
  readReceiptHandle,
  receiptHandleOf,
  type StoredMessage,
} from './queue-message.js';
import {
  invalidParameter,
  messageNotInflight,
  missingParameter,
  receiptHandleIsInvalid,
} from './sqs-errors.js';

const VALID_BODY = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

export interface QueueEnvironment {
  readonly clock: LocalClock;
  readonly journal: LocalJournal;
  /** The queue of the deployment a redrive policy names, when there is one. */
  queueByArn(arn: string): LocalQueueState | undefined;
}

/** What one receive asks for: at most `max` messages, hidden `visibilityMs`, waiting up to `waitMs` (may be infinite). */
export interface ReceiveRequest {
  readonly max: number;
  readonly visibilityMs: number;
  readonly waitMs: number;
  /** Ends the wait early (an event source mapping stopping), answering what is there: nothing. */
  readonly signal?: AbortSignal;
}

/**
 * One queue's messages and SQS's rules about them, all on the local cloud's clock: delays, visibility
 * timeouts, retention, redrive to the dead-letter queue once a message is received more than
 * `maxReceiveCount` times, long polls woken by a send or a message becoming visible, and for FIFO queues
 * order per message group, one group's messages in flight at a time and five minutes' deduplication.
 */
export class LocalQueueState {
  readonly #messages = new Map<string, StoredMessage>();
  readonly #fifo: FifoDeduplication;
  readonly #waiters = new Set<() => void>();
  #nonce = 0;
  #closed = false;

  constructor(
    readonly queue: LocalQueue,
    readonly environment: QueueEnvironment,
  ) {
    this.#fifo = new FifoDeduplication(queue);
  }

  get #now(): number {
    return this.environment.clock.now();
  }

  /** Sends a message; on a FIFO queue a duplicate within five minutes answers the first one's id. */
  send(message: MessageToSend): { readonly messageId: string; readonly sequenceNumber: string | undefined } {
    const { queue } = this;
    if (message.body.length === 0) throw missingParameter('MessageBody');
    if (Buffer.byteLength(message.body) > queue.maximumMessageSizeBytes) {
      throw invalidParameter(`Message must be shorter than ${queue.maximumMessageSizeBytes} bytes.`);
    }
    if (!VALID_BODY.test(message.body)) {
      throw invalidParameter('Message body contains characters outside the allowed set.');
    }
    const deduplicationId = queue.fifo ? this.#fifo.idOf(message) : undefined;
    if (deduplicationId !== undefined) {
      const seen = this.#fifo.duplicateOf(deduplicationId, this.#now);
      if (seen !== undefined) {
        return { messageId: seen.messageId, sequenceNumber: seen.sequenceNumber };
      }
    }
    const messageId = randomUUID();
    const sequenceNumber = queue.fifo ? this.#fifo.nextSequenceNumber() : undefined;
    const delayMs = (message.delaySeconds ?? queue.delaySeconds) * 1000;
    this.#store({
      messageId,
      body: message.body,
      attributes: message.attributes ?? {},
      traceHeader: message.traceHeader,
      sentAt: this.#now,
      senderId: 'AIDALOCALCLOUD',
      groupId: message.groupId,
      deduplicationId,
      sequenceNumber,
      deadLetterSourceArn: undefined,
      receiveCount: 0,
      firstReceivedAt: undefined,
      visibleAt: this.#now + delayMs,
      receiptHandle: undefined,
      cancelWake: undefined,
    });
    if (deduplicationId !== undefined) {
      this.#fifo.remember(deduplicationId, { messageId, sequenceNumber, at: this.#now });
    }
    this.environment.journal.record({
      service: 'sqs',
      action: 'MessageSent',
      resource: queue.name,
      payload: message.body,
      detail: messageId,
    });
    return { messageId, sequenceNumber };
  }

  /** Takes in a message another queue hands over (a move to this dead-letter queue or a redrive from it). */
  accept(message: StoredMessage, deadLetterSourceArn: string | undefined): void {
    const moved: StoredMessage = {
      ...message,
      deadLetterSourceArn,
      sequenceNumber: this.queue.fifo ? this.#fifo.nextSequenceNumber() : undefined,
      receiveCount: 0,
      firstReceivedAt: undefined,
      visibleAt: this.#now,
      receiptHandle: undefined,
      cancelWake: undefined,
    };
    this.#store(moved);
  }

  /** Receives up to `max` visible messages, long-polling up to `waitMs` on the clock when there are none. */
  async receive(request: ReceiveRequest): Promise<readonly ReceivedMessage[]> {
    const deadline = this.#now + request.waitMs;
    for (;;) {
      const taken = this.#take(request.max, request.visibilityMs);
      if (taken.length > 0 || this.#closed || this.#now >= deadline || request.signal?.aborted) return taken;
      await this.#changed(deadline - this.#now, request.signal);
    }
  }

  /** Deletes the message of its latest receipt handle; an earlier handle of a message received again does nothing. */
  delete(receiptHandle: string): void {
    const message = this.#messageOf(receiptHandle);
    if (message === undefined || message.receiptHandle !== receiptHandle) return;
    this.remove(message);
    this.environment.journal.record({
      service: 'sqs',
      action: 'MessageDeleted',
      resource: this.queue.name,
      payload: message.body,
      detail: message.messageId,
    });
  }

  /** Hides an in-flight message for `seconds` from now (0 makes it visible at once). */
  changeVisibility(receiptHandle: string, seconds: number): void {
    const message = this.#messageOf(receiptHandle);
    if (message === undefined || message.receiptHandle !== receiptHandle || message.visibleAt <= this.#now) {
      throw messageNotInflight();
    }
    this.#hideUntil(message, this.#now + seconds * 1000);
  }

  /** Every message of the queue, in the order they are received, retention applied. */
  messages(): readonly StoredMessage[] {
    this.#expire();
    return [...this.#messages.values()];
  }

  /** Visible, in flight and delayed, as GetQueueAttributes counts them. */
  counts(): { readonly visible: number; readonly inFlight: number; readonly delayed: number } {
    const now = this.#now;
    let visible = 0;
    let inFlight = 0;
    let delayed = 0;
    for (const message of this.messages()) {
      if (message.visibleAt <= now) visible += 1;
      else if (message.receiptHandle === undefined) delayed += 1;
      else inFlight += 1;
    }
    return { visible, inFlight, delayed };
  }

  remove(message: StoredMessage): void {
    message.cancelWake?.();
    this.#messages.delete(message.messageId);
  }

  purge(): void {
    for (const message of [...this.#messages.values()]) this.remove(message);
  }

  close(): void {
    this.#closed = true;
    this.purge();
    this.#notify();
  }

  #store(message: StoredMessage): void {
    this.#messages.set(message.messageId, message);
    if (message.visibleAt > this.#now) this.#wakeAt(message);
    else this.#notify();
  }

  #take(max: number, visibilityMs: number): ReceivedMessage[] {
    const now = this.#now;
    const busyGroups = new Set<string>();
    const ready: StoredMessage[] = [];
    for (const message of this.messages()) {
      if (this.queue.fifo && message.groupId !== undefined && busyGroups.has(message.groupId)) continue;
      if (message.visibleAt > now) {
        if (message.groupId !== undefined) busyGroups.add(message.groupId);
        continue;
      }
      ready.push(message);
    }
    const taken: ReceivedMessage[] = [];
    const redrive = this.queue.redrivePolicy;
    const deadLetters = redrive ? this.environment.queueByArn(redrive.deadLetterTarget.arn) : undefined;
    for (const message of ready) {
      if (taken.length >= max) break;
      if (redrive && deadLetters && message.receiveCount >= redrive.maxReceiveCount) {
        this.#moveToDeadLetters(message, deadLetters);
        continue;
      }
      message.receiveCount += 1;
      message.firstReceivedAt ??= now;
      message.receiptHandle = receiptHandleOf(this.queue.name, message.messageId, this.#nonce++);
      this.#hideUntil(message, now + visibilityMs);
      taken.push({ message, receiptHandle: message.receiptHandle });
    }
    return taken;
  }

  #moveToDeadLetters(message: StoredMessage, deadLetters: LocalQueueState): void {
    this.remove(message);
    deadLetters.accept(message, this.queue.arn);
    this.environment.journal.record({
      service: 'sqs',
      action: 'MovedToDeadLetterQueue',
      resource: this.queue.name,
      payload: message.body,
      detail: `${message.messageId} → ${deadLetters.queue.name} after ${message.receiveCount} receives`,
    });
  }

  #hideUntil(message: StoredMessage, until: number): void {
    message.visibleAt = until;
    message.cancelWake?.();
    message.cancelWake = undefined;
    if (until > this.#now) this.#wakeAt(message);
    else this.#notify();
  }

  #wakeAt(message: StoredMessage): void {
    message.cancelWake = this.environment.clock.schedule(() => {
      message.cancelWake = undefined;
      this.#notify();
    }, message.visibleAt - this.#now);
  }

  #expire(): void {
    const oldest = this.#now - this.queue.messageRetentionSeconds * 1000;
    for (const message of this.#messages.values()) {
      if (message.sentAt <= oldest) this.remove(message);
    }
  }

  #messageOf(receiptHandle: string): StoredMessage | undefined {
    const read = readReceiptHandle(receiptHandle);
    if (read === undefined || read.queueName !== this.queue.name) throw receiptHandleIsInvalid(receiptHandle);
    return this.#messages.get(read.messageId);
  }

  #changed(withinMs: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        cancel();
        signal?.removeEventListener('abort', wake);
        this.#waiters.delete(wake);
        resolve();
      };
      // An endless wait (a mapping's poller) arms no deadline: a send, a visibility end or the abort wakes it.
      const cancel = Number.isFinite(withinMs)
        ? this.environment.clock.schedule(wake, withinMs)
        : () => undefined;
      signal?.addEventListener('abort', wake, { once: true });
      this.#waiters.add(wake);
    });
  }

  #notify(): void {
    const waiters = [...this.#waiters];
    this.#waiters.clear();
    for (const wake of waiters) wake();
  }
}
