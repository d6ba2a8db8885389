import type { StoredEvent } from '../../stores/event-store/stored-event.js';
import { outboxMessageId } from './outbox-message-id.js';
import type { OutboxEntry, OutboxEventMetadata } from './outbox-publish-port.js';

/**
 * What the outbox hands its publish port for a stored event: the stored metadata (correlation id, causation
 * id, time, extras) with the message id ({@link outboxMessageId} of stream and version), the event's own id
 * (`eventId`), stream id and version on top, so a stored extra of one of those names can never pass for the
 * event's own.
 *
 * @example
 * ```ts
 * await port.publish([{ eventType: event.type, data: event.data, metadata: outboxEventMetadata(event) }]);
 * ```
 */
export const outboxEventMetadata = (event: StoredEvent): OutboxEventMetadata => ({
  ...event.metadata,
  id: outboxMessageId(event.streamId, event.version),
  eventId: event.id,
  streamId: event.streamId,
  version: event.version,
});

/** The port's entry for a stored event. */
export const outboxEntry = (event: StoredEvent): OutboxEntry => ({
  eventType: event.type,
  data: event.data,
  metadata: outboxEventMetadata(event),
});
