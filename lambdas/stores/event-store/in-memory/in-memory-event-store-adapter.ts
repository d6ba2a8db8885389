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
 * @example
 * ```ts
 * const store = new EventStore({ adapter: new InMemoryEventStoreAdapter() });
 * ```
 */
export class InMemoryEventStoreAdapter implements EventStorePort {
  readonly #streams = new Map<string, SerializedEvent[]>();
  /** Key `<stream>#<reducer version>` → snapshots sorted by version. */
  readonly #snapshots = new Map<string, SerializedSnapshot[]>();

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
}
