import type { EventPublisher, OutgoingEvent } from '../../runtime/aws/event-publisher.js';
import { outgoingEnvelopeEvent } from '../../runtime/aws/outgoing-envelope.js';
import { PublishFailedError } from '../../runtime/aws/publish-failed-error.js';
import { outboxEnvelope } from './outbox-envelope.js';
import type { OutboxPublishPort } from './outbox-publish-port.js';

export interface EventBridgeOutboxPortOptions {
  /** PutEvents with EventBridge's limits, retries of failed entries and backoff. */
  readonly publisher: Pick<EventPublisher, 'putEventsSettled'>;
  readonly eventBusName: string;
  /** The `source` of every event: `OUTBOX_SOURCE`, which the rules of internal events admit. */
  readonly source: string;
}

/**
 * The outbox's publish port on EventBridge: each entry becomes the {@link outboxEnvelope} of its event, checked
 * at the wire boundary (`outgoingEnvelopeEvent`) and put with the given bus and source, up to 10 entries a call;
 * the entries a call rejects are resent alone, and what is still rejected comes back as a `PublishFailedError`
 * per entry (an envelope the wire check refuses, as its `InvalidOutgoingEnvelopeError`, unsent).
 *
 * @example
 * ```ts
 * const port = eventBridgeOutboxPort({ publisher: new EventPublisher(client), eventBusName, source: OUTBOX_SOURCE });
 * ```
 */
export function eventBridgeOutboxPort(options: EventBridgeOutboxPortOptions): OutboxPublishPort {
  const target = { eventBusName: options.eventBusName, source: options.source };
  return {
    async publish(entries) {
      const failures = new Map<number, unknown>();
      const outgoing: OutgoingEvent[] = [];
      const positions: number[] = [];
      entries.forEach(({ eventType, data, metadata }, index) => {
        try {
          outgoing.push(outgoingEnvelopeEvent(outboxEnvelope(eventType, data, metadata), target));
          positions.push(index);
        } catch (error) {
          failures.set(index, error);
        }
      });
      const rejected = outgoing.length === 0 ? [] : await options.publisher.putEventsSettled(outgoing);
      for (const failure of rejected) {
        const index = positions[failure.index] ?? failure.index;
        failures.set(index, new PublishFailedError([{ ...failure, index }], 0));
      }
      return failures;
    },
  };
}
