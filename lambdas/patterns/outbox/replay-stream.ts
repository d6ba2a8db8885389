import type { EventStore } from '../../stores/event-store/event-store.js';
import type { OutboxPublishPort } from './outbox-publish-port.js';
import { publishInStreamOrder } from './publish-in-stream-order.js';

/** Which events to republish: versions `fromVersion` to `toVersion` of one stream, both included. */
export interface ReplayRange {
  readonly streamId: string;
  readonly fromVersion: number;
  /** Default: the stream's last event. */
  readonly toVersion?: number;
}

export interface ReplayResult {
  readonly streamId: string;
  /** Versions the bus accepted, in order. */
  readonly published: readonly number[];
  /** The version that failed (and why); the replay stops there, so later versions wait for a rerun. */
  readonly failed?: { readonly version: number; readonly error: unknown };
}

/** Events read per page of the store. */
const PAGE = 100;

/**
 * Republishes a version range of a stream from the event store, exactly as the outbox publishes it (the same
 * port, envelope, detail-type, source and message id of stream and version, version order), for the records of
 * a stream's on-failure destination: a record given up on there is still in the store. Consumers deduplicate
 * on the message id, so republishing an event they already took is harmless. Stops at the first version the
 * bus does not accept.
 *
 * @example
 * ```ts
 * const result = await replayStream(store, port, { streamId: 'order-42', fromVersion: 3, toVersion: 5 });
 * // { streamId: 'order-42', published: [3, 4, 5] }
 * ```
 */
export async function replayStream(
  store: Pick<EventStore, 'readForward'>,
  port: OutboxPublishPort,
  range: ReplayRange,
): Promise<ReplayResult> {
  const published: number[] = [];
  const last = range.toVersion ?? Number.MAX_SAFE_INTEGER;
  let page = await store.readForward(range.streamId, { fromVersion: range.fromVersion, limit: PAGE });
  for (;;) {
    const events = page.events.filter((event) => event.version <= last);
    const failures = await publishInStreamOrder(port, events);
    for (const [index, event] of events.entries()) {
      if (failures.has(index)) {
        return {
          streamId: range.streamId,
          published,
          failed: { version: event.version, error: failures.get(index) },
        };
      }
      published.push(event.version);
    }
    const done =
      page.cursor === undefined || events.length < page.events.length || events.at(-1)?.version === last;
    if (done) return { streamId: range.streamId, published };
    page = await store.readForward(range.streamId, { cursor: page.cursor, limit: PAGE });
  }
}
