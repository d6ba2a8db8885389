import type { StoredEvent } from '../../stores/event-store/stored-event.js';
import type { OutboxEventMetadata } from './outbox-publish-port.js';

/**
 * What the outbox hands its publish port for a stored event: the stored metadata (correlation id, causation
 * id, time, extras) with the event's id, stream id and version on top, so a stored extra of one of those
 * names can never pass for the event's own.
 *
 * @example
 * ```ts
 * await port.publish(event.type, event.data, outboxEventMetadata(event));
 * ```
 */
export const outboxEventMetadata = (event: StoredEvent): OutboxEventMetadata => ({
  ...event.metadata,
  id: event.id,
  streamId: event.streamId,
  version: event.version,
});
