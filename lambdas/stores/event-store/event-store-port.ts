/**
 * An event as adapters store it: payload and metadata already validated and serialised to JSON text by
 * the `EventStore`, so every adapter stores exactly the same bytes and reads give fresh copies.
 */
export interface SerializedEvent {
  readonly streamId: string;
  readonly version: number;
  readonly id: string;
  readonly type: string;
  /** JSON text. */
  readonly data: string;
  /** JSON text of the event metadata. */
  readonly metadata: string;
}

/** A snapshot as adapters store it: the reducer's state after `version`, as JSON text. */
export interface SerializedSnapshot {
  readonly streamId: string;
  readonly reducerVersion: number;
  readonly version: number;
  readonly state: string;
  readonly time: string;
}

/** An inclusive version range read in one direction, at most `limit` events. */
export interface EventRangeQuery {
  readonly direction: 'forward' | 'backward';
  readonly minVersion: number;
  readonly maxVersion: number;
  readonly limit: number;
}

export interface EventRange {
  readonly events: readonly SerializedEvent[];
  /** True when more events lie in the range beyond the `limit` returned. */
  readonly hasMore: boolean;
}

/**
 * Storage behind the `EventStore`. Implemented by the DynamoDB adapter and the in-memory adapter; one
 * conformance suite (test/conformance/event-store-conformance.ts) holds both to the same behaviour.
 * Adapters do no validation: the `EventStore` hands them well-formed, size-checked records.
 */
export interface EventStorePort {
  /**
   * Writes `events` (versions `expectedVersion + 1 …`) atomically if and only if the stream's current
   * version is exactly `expectedVersion`; otherwise writes nothing and throws `ConcurrencyError`.
   */
  appendEvents(streamId: string, expectedVersion: number, events: readonly SerializedEvent[]): Promise<void>;
  /** The version of the stream's last event; 0 when the stream does not exist. */
  currentVersion(streamId: string): Promise<number>;
  readEvents(streamId: string, query: EventRangeQuery): Promise<EventRange>;
  /** Writes (or overwrites with identical content) the snapshot at its `(stream, reducerVersion, version)`. */
  putSnapshot(snapshot: SerializedSnapshot): Promise<void>;
  /** The snapshot with the highest version ≤ `maxVersion` written by `reducerVersion`, if any. */
  latestSnapshot(
    streamId: string,
    reducerVersion: number,
    maxVersion: number,
  ): Promise<SerializedSnapshot | undefined>;
}
