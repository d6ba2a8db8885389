import type { SerializedEvent } from './event-store-port.js';

/** Receives one committed event, synchronously: do little (enqueue). A throw is logged; the append stands. */
export type EventFeedListener = (event: SerializedEvent) => void;

/**
 * The change feed of an event store adapter: every committed event (never a snapshot) in commit order, each
 * delivered once the append that wrote it has committed, nothing for an append that failed. On DynamoDB the
 * table's stream is the feed (and the outbox publisher its consumer); the in-memory adapter offers this one,
 * so an in-process outbox can run as the deployed one does. Not part of `EventStorePort`: the `EventStore`
 * itself never reads it.
 *
 * @example
 * ```ts
 * const adapter = new InMemoryEventStoreAdapter();
 * const stop = adapter.subscribe((event) => relay.relay(event));
 * stop(); // no further deliveries to that listener
 * ```
 */
export interface EventFeed {
  /** Calls `listener` with every event committed from now on; returns the function that stops it. */
  subscribe(listener: EventFeedListener): () => void;
}
