import { ENVELOPE_SCHEMA_VERSION } from '../../contracts/envelope.js';
import { domainTopic } from '../../contracts/topics.js';
import type { OutgoingEnvelope } from '../../runtime/aws/outgoing-envelope.js';
import type { OutboxEventMetadata } from './outbox-publish-port.js';

/** Envelope fields the outbox sets itself; a stored extra of the same name never overrides them. */
const RESERVED = new Set(['type', 'topicType', 'topicSource', 'sender', 'schemaVersion']);

/**
 * The wire envelope of a stored event: detail-type and `metadata.type` = the event type, topic
 * `domain.<event type>` with the stream id as source (so a `TypeSubscription` maps it to the agent keyed by
 * the stream), `metadata.id` as message id (the outbox's id of stream and version), the stored correlation id,
 * causation id and time unchanged, and `eventId`/`streamId`/`version` alongside for consumers that order. Extra stored metadata (an actor, say)
 * is kept; `sender` is not set: an event comes from the store, not from an agent. Every outbox port (AWS,
 * in-process) publishes this envelope, so both put the same event on the same topic with the same ids.
 *
 * @example
 * ```ts
 * outboxEnvelope('UserCreated', { name: 'Ada' }, { id: 'e-1', eventId: 'evt-9', streamId: 'user-1', version: 1, correlationId: 'c',
 *   causationId: 'cmd-1', time: '2026-01-02T03:04:05.678Z' });
 * // { metadata: { id: 'e-1', type: 'UserCreated', topicType: 'domain.UserCreated', topicSource: 'user-1', … }, data }
 * ```
 */
export function outboxEnvelope(
  eventType: string,
  data: unknown,
  metadata: OutboxEventMetadata,
): OutgoingEnvelope {
  const extras = Object.fromEntries(Object.entries(metadata).filter(([field]) => !RESERVED.has(field)));
  return {
    metadata: {
      ...extras,
      id: metadata.id,
      type: eventType,
      topicType: domainTopic(eventType),
      topicSource: metadata.streamId,
      correlationId: metadata.correlationId,
      causationId: metadata.causationId,
      time: metadata.time,
      schemaVersion: ENVELOPE_SCHEMA_VERSION,
      streamId: metadata.streamId,
      version: metadata.version,
    },
    data,
  };
}
