import { consoleLogger, type Logger } from '../../../contracts/logger.js';
import type { EventFeed, EventFeedListener } from '../event-feed.js';
import { ConcurrencyError } from '../event-store-error.js';
import type {
  EventRange,
  EventRangeQuery,
  EventStorePort,
  SerializedEvent,
  SerializedSnapshot,
} from '../event-store-port.js';

/**
 * The event store in process memory: tests, demos, benchmarks. Same semantics as the DynamoDB adapter
 * (the conformance suite runs against both); stored values are the JSON text the store serialised, so
 * nothing a caller holds aliases stored state. Each append checks and writes in one synchronous step,
 * which is what makes it atomic against concurrent appends.
 *
 * It is also an {@link EventFeed}, the local stand-in for the table's DynamoDB stream: each committed event
 * goes to every listener, in commit order, right after its append has written it and before the append
 * resolves; a rejected append feeds nothing, snapshots are never fed.
 *
 * @example
 * ```ts
 * const adapter = new InMemoryEventStoreAdapter();
 * adapter.subscribe((event) => console.log(event.streamId, event.version, event.type));
 * const store = new EventStore({ adapter });
 * ```
 */
export class InMemoryEventStoreAdapter implements EventStorePort, EventFeed {
  readonly #streams = new Map<string, SerializedEvent[]>();
  /** Key `<stream>#<reducer version>` → snapshots sorted by version. */
  readonly #snapshots = new Map<string, SerializedSnapshot[]>();
  readonly #listeners = new Set<EventFeedListener>();
  /** Committed events not yet fed; a listener that appends queues behind the events already committed. */
  #unfed: SerializedEvent[] = [];
  #feeding = false;
  readonly #logger: Logger;

  /** `logger` receives a listener's error; the append it follows has committed and stays committed. */
  constructor(options: { readonly logger?: Logger } = {}) {
    this.#logger = options.logger ?? consoleLogger;
  }

  subscribe(listener: EventFeedListener): () => void {
    // A wrapper per subscription, so subscribing one function twice gives two independent subscriptions.
    const subscription: EventFeedListener = (event) => listener(event);
    this.#listeners.add(subscription);
    return () => {
      this.#listeners.delete(subscription);
    };
  }

  async appendEvents(
    streamId: string,
    expectedVersion: number,
    events: readonly SerializedEvent[],
  ): Promise<void> {
    const stream = this.#streams.get(streamId) ?? [];
    if (stream.length !== expectedVersion)
      throw new ConcurrencyError(streamId, expectedVersion, stream.length);
    stream.push(...events);
    this.#streams.set(streamId, stream);
    this.#feed(events);
  }

  async currentVersion(streamId: string): Promise<number> {
    return this.#streams.get(streamId)?.length ?? 0;
  }

  async readEvents(streamId: string, query: EventRangeQuery): Promise<EventRange> {
    const stream = this.#streams.get(streamId) ?? [];
    // Versions are contiguous from 1, so version v sits at index v - 1.
    const low = Math.max(query.minVersion, 1);
    const high = Math.min(query.maxVersion, stream.length);
    if (low > high) return { events: [], hasMore: false };
    const available = high - low + 1;
    const count = Math.min(available, query.limit);
    const events =
      query.direction === 'forward'
        ? stream.slice(low - 1, low - 1 + count)
        : stream.slice(high - count, high).reverse();
    return { events, hasMore: available > count };
  }

  async putSnapshot(snapshot: SerializedSnapshot): Promise<void> {
    const key = `${snapshot.streamId}#${snapshot.reducerVersion}`;
    const snapshots = (this.#snapshots.get(key) ?? []).filter(
      (existing) => existing.version !== snapshot.version,
    );
    snapshots.push(snapshot);
    snapshots.sort((a, b) => a.version - b.version);
    this.#snapshots.set(key, snapshots);
  }

  async latestSnapshot(
    streamId: string,
    reducerVersion: number,
    maxVersion: number,
  ): Promise<SerializedSnapshot | undefined> {
    const snapshots = this.#snapshots.get(`${streamId}#${reducerVersion}`) ?? [];
    return snapshots.findLast((snapshot) => snapshot.version <= maxVersion);
  }

  #feed(events: readonly SerializedEvent[]): void {
    this.#unfed.push(...events);
    // Already feeding further up the stack (a listener appended): that loop delivers these after the rest.
    if (this.#feeding) return;
    this.#feeding = true;
    try {
      for (let i = 0; i < this.#unfed.length; i++) {
        const event = this.#unfed[i];
        if (event === undefined) continue;
        for (const listener of [...this.#listeners]) this.#deliver(listener, event);
      }
    } finally {
      this.#unfed = [];
      this.#feeding = false;
    }
  }

  #deliver(listener: EventFeedListener, event: SerializedEvent): void {
    try {
      listener(event);
    } catch (error) {
      try {
        this.#logger.error('Event feed listener failed; the append stays committed', {
          streamId: event.streamId,
          version: event.version,
          eventId: event.id,
          error,
        });
      } catch {
        // A broken logger must not fail an append that has already committed.
      }
    }
  }
}
