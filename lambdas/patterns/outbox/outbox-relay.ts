import { consoleLogger, type Logger } from '../../contracts/logger.js';
import { decodeEvent } from '../../stores/event-store/decode-event.js';
import type { EventFeed } from '../../stores/event-store/event-feed.js';
import type { SerializedEvent } from '../../stores/event-store/event-store-port.js';
import type { StoredEvent } from '../../stores/event-store/stored-event.js';
import { outboxMessageId } from './outbox-message-id.js';
import type { OutboxPublishPort } from './outbox-publish-port.js';
import { publishInStreamOrder } from './publish-in-stream-order.js';

export interface OutboxRelayOptions {
  readonly port: OutboxPublishPort;
  /** Retries (warn) and given-up events (error). Default: `consoleLogger`. */
  readonly logger?: Logger;
  /** Tries per event before it is given up, as the stream's retry limit does. Default 3. */
  readonly attempts?: number;
}

/** Counters since the relay started. */
export interface OutboxRelayStats {
  /** Events the feed handed over (repeats included). */
  readonly fed: number;
  /** Events the port published. */
  readonly published: number;
  /** Events not published again: the relay published that stream and version already. */
  readonly repeated: number;
  /** Failed tries that were tried again. */
  readonly retried: number;
  /** Events given up after their last try (or unreadable): listed in `failures`. */
  readonly failed: number;
}

/** An event the relay gave up on: the local counterpart of a record on the stream's on-failure queue. */
export interface OutboxRelayFailure {
  readonly eventId: string;
  readonly streamId: string;
  readonly version: number;
  readonly type: string;
  readonly error: unknown;
}

/**
 * The outbox's publishing half for an event store with a change feed ({@link EventFeed}), e.g. the in-memory
 * adapter: what the DynamoDB stream and `OutboxPublisher` do on AWS, in process, by the same rules
 * ({@link publishInStreamOrder}): the outbox's envelope and message id (of stream and version), events of one
 * stream strictly one after another in version order (a failing event holds the later ones back while it is
 * tried again), different streams concurrently. An event fed again after it was published (same stream and
 * version) is not published twice. A failed try is logged and tried again up to `attempts`; then the event is
 * logged as an error, counted and listed in `failures`, and the stream moves on, as the stream's on-failure
 * destination lets it on AWS (the replay command republishes it there).
 *
 * @example
 * ```ts
 * const relay = new OutboxRelay({ port: inProcessOutboxPort(runtime, events) });
 * const detach = relay.attach(adapter);
 * await relay.idle(); // every event fed so far is published or given up
 * ```
 */
export class OutboxRelay {
  readonly #port: OutboxPublishPort;
  /** Message ids published so far: what makes a second feed of one event a repeat. */
  readonly #published = new Set<string>();
  readonly #logger: Logger;
  readonly #attempts: number;
  /** Per stream: the publication of its latest fed event; the next one waits for it. */
  readonly #tails = new Map<string, Promise<void>>();
  readonly #failures: OutboxRelayFailure[] = [];
  #stats = { fed: 0, published: 0, repeated: 0, retried: 0, failed: 0 };
  #inFlight = 0;
  #idleWaiters: Array<() => void> = [];

  constructor(options: OutboxRelayOptions) {
    this.#port = options.port;
    this.#logger = options.logger ?? consoleLogger;
    this.#attempts = Math.max(1, Math.floor(options.attempts ?? 3));
  }

  /** Relays every event the feed commits from now on; returns the function that stops it. */
  attach(feed: EventFeed): () => void {
    return feed.subscribe((event) => this.relay(event));
  }

  /** Queues one committed event behind the earlier events of its stream; returns at once. */
  relay(record: SerializedEvent): void {
    this.#stats.fed += 1;
    this.#inFlight += 1;
    const { streamId } = record;
    const next = (this.#tails.get(streamId) ?? Promise.resolve())
      .then(() => this.#publish(record))
      .finally(() => {
        if (this.#tails.get(streamId) === next) this.#tails.delete(streamId);
        this.#inFlight -= 1;
        if (this.#inFlight === 0) this.#notifyIdle();
      });
    this.#tails.set(streamId, next);
  }

  /** True while a fed event is neither published nor given up. */
  get busy(): boolean {
    return this.#inFlight > 0;
  }

  /** Resolves once every event fed so far is published or given up. */
  idle(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  stats(): OutboxRelayStats {
    return { ...this.#stats };
  }

  /** The events given up so far, oldest first. */
  failures(): readonly OutboxRelayFailure[] {
    return [...this.#failures];
  }

  /** Never rejects: every outcome is counted, and every failure logged. */
  async #publish(record: SerializedEvent): Promise<void> {
    let event: StoredEvent;
    try {
      event = decodeEvent(record);
    } catch (error) {
      // An unreadable record does not heal by trying again.
      this.#giveUp(record, error, 1);
      return;
    }
    const messageId = outboxMessageId(event.streamId, event.version);
    if (this.#published.has(messageId)) {
      this.#stats.repeated += 1;
      return;
    }
    for (let attempt = 1; ; attempt += 1) {
      const failures = await publishInStreamOrder(this.#port, [event]);
      if (!failures.has(0)) {
        this.#published.add(messageId);
        this.#stats.published += 1;
        return;
      }
      const error = failures.get(0);
      if (attempt >= this.#attempts) {
        this.#giveUp(record, error, attempt);
        return;
      }
      this.#stats.retried += 1;
      this.#log('warn', 'Outbox event not published; trying again', record, error, attempt);
    }
  }

  #giveUp(record: SerializedEvent, error: unknown, attempts: number): void {
    this.#stats.failed += 1;
    this.#failures.push({
      eventId: record.id,
      streamId: record.streamId,
      version: record.version,
      type: record.type,
      error,
    });
    this.#log('error', 'Outbox event given up: not published', record, error, attempts);
  }

  #log(
    level: 'warn' | 'error',
    message: string,
    record: SerializedEvent,
    error: unknown,
    attempts: number,
  ): void {
    const extra = { eventId: record.id, streamId: record.streamId, version: record.version, attempts, error };
    try {
      this.#logger[level](message, extra);
    } catch {
      // A broken logger must not stall the stream: the counters and `failures` still record the outcome.
    }
  }

  #notifyIdle(): void {
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
