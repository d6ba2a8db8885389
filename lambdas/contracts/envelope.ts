import * as z from 'zod';

/** The current version of the envelope layout below; bumped only on a breaking wire change. */
export const ENVELOPE_SCHEMA_VERSION = 1;

/**
 * What travels beside every payload. `type` equals the EventBridge detail-type; `topicType` and
 * `topicSource` are the AutoGen topic the message was published to (the source becomes the key of the
 * receiving AgentId); `sender` is an AgentId string (`type/key`) when an agent sent it.
 */
export const MessageMetadataSchema = z.object({
  id: z.string().min(1).max(128),
  type: z.string().min(1).max(128),
  topicType: z.string().min(1).max(256),
  topicSource: z.string().min(1).max(512),
  sender: z.string().min(1).max(512).optional(),
  correlationId: z.string().min(1).max(128),
  causationId: z.string().min(1).max(128),
  time: z.string().datetime({ offset: true }),
  schemaVersion: z.number().int().positive(),
});
export type MessageMetadata = z.infer<typeof MessageMetadataSchema>;

/** The EventBridge `detail` of every event agentbridge writes: `{ metadata, data }`. */
export const EnvelopeSchema = z.object({
  metadata: MessageMetadataSchema,
  data: z.unknown(),
});
export type Envelope<T = unknown> = { metadata: MessageMetadata; data: T };

/** The default topic source, as AutoGen's `DefaultTopicId` uses it. */
export const DEFAULT_TOPIC_SOURCE = 'default';
