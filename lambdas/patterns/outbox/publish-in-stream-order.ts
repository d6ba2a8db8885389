import type { StoredEvent } from '../../stores/event-store/stored-event.js';
import { OutboxOrderHoldError } from './outbox-error.js';
import { outboxEntry } from './outbox-event-metadata.js';
import type { OutboxPublishPort } from './outbox-publish-port.js';

/**
 * Publishes stored events with the outbox's two rules, shared by the stream publisher, the in-process relay and
 * the replay command:
 * - an event is known by its stream and version: the same one twice in `events` is published once, and both
 *   positions get its outcome;
 * - a stream's events are published in version order, each only once the bus accepted the one before it; when
 *   one fails, the stream's later events are not attempted (each fails with `OutboxOrderHoldError`), so no
 *   consumer can see version n + 1 of a stream whose version n the bus has not taken. Other streams go on.
 *
 * It works in rounds: each round publishes the next event of every stream still going in one `port.publish`
 * (PutEvents of up to 10 entries a call), so N events of N streams take N / 10 calls and a stream's k events take
 * k rounds. Resolves with the failures by index into `events`; never rejects.
 *
 * @example
 * ```ts
 * const failures = await publishInStreamOrder(port, events);
 * for (const [index, error] of failures) report(events[index], error);
 * ```
 */
export async function publishInStreamOrder(
  port: OutboxPublishPort,
  events: readonly StoredEvent[],
): Promise<Map<number, unknown>> {
  const failures = new Map<number, unknown>();
  const queues = streamQueues(events);
  while (queues.size > 0) {
    const heads = [...queues.values()].flatMap((queue) => queue.slice(0, 1));
    const outcome = await publishRound(
      port,
      heads.map((head) => head.event),
    );
    heads.forEach((head, position) => {
      const { streamId } = head.event;
      const queue = queues.get(streamId) ?? [];
      if (outcome.has(position)) {
        const error = outcome.get(position);
        for (const index of head.positions) failures.set(index, error);
        for (const held of queue.slice(1)) {
          const hold = new OutboxOrderHoldError(streamId, held.event.version);
          for (const index of held.positions) failures.set(index, hold);
        }
        queues.delete(streamId);
        return;
      }
      queue.shift();
      if (queue.length === 0) queues.delete(streamId);
    });
  }
  return failures;
}

/** One distinct event to publish, and every position it appears at in the input. */
interface Pending {
  readonly event: StoredEvent;
  readonly positions: number[];
}

/** Per stream, its distinct events in version order. */
const streamQueues = (events: readonly StoredEvent[]): Map<string, Pending[]> => {
  const queues = new Map<string, Pending[]>();
  const byKey = new Map<string, Pending>();
  events.forEach((event, index) => {
    const key = JSON.stringify([event.streamId, event.version]);
    const seen = byKey.get(key);
    if (seen !== undefined) {
      seen.positions.push(index);
      return;
    }
    const pending = { event, positions: [index] };
    byKey.set(key, pending);
    const queue = queues.get(event.streamId) ?? [];
    queue.push(pending);
    queues.set(event.streamId, queue);
  });
  for (const queue of queues.values()) queue.sort((a, b) => a.event.version - b.event.version);
  return queues;
};

/** A round's failures by position; a port that rejects fails every entry of the round with its error. */
const publishRound = async (
  port: OutboxPublishPort,
  round: readonly StoredEvent[],
): Promise<ReadonlyMap<number, unknown>> => {
  try {
    return await port.publish(round.map(outboxEntry));
  } catch (error) {
    return new Map(round.map((_, position) => [position, error]));
  }
};
