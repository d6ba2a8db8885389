import { messageOf } from '../../contracts/agentbridge-error.js';
import { type MessageMetadata, MessageMetadataSchema } from '../../contracts/envelope.js';
import { TopicId } from '../topic-id.js';
import type { AwsRuntimeConfig } from './aws-runtime-config.js';
import { InvalidOutgoingEnvelopeError } from './aws-runtime-error.js';
import type { OutgoingEvent } from './event-publisher.js';

/**
 * A message whose envelope was built elsewhere (the outbox publisher forwarding a stored event): the metadata
 * is published as given, ids and time included. Fields beyond {@link MessageMetadata} (a stream id and
 * version, say) travel along in the detail; consumers parsing with `EnvelopeSchema` ignore them.
 */
export interface OutgoingEnvelope {
  readonly metadata: MessageMetadata & { readonly [field: string]: unknown };
  readonly data: unknown;
}

/**
 * The PutEvents entry for a ready-made envelope: detail-type = `metadata.type`, detail `{ metadata, data }`,
 * `Time` = `metadata.time`, the runtime's source and bus. The metadata is checked against the envelope schema
 * and its topic against AutoGen's identifier rules here, at the wire boundary, so a consumer never receives an
 * envelope it would have to dead-letter. There is no message schema to check `data` against: the caller
 * vouches for it (the event store validated it on append).
 *
 * @example
 * ```ts
 * outgoingEnvelopeEvent({ metadata: { id: 'e-1', type: 'UserCreated', topicType: 'domain.UserCreated', … }, data }, config);
 * ```
 */
export function outgoingEnvelopeEvent(
  envelope: OutgoingEnvelope,
  config: Pick<AwsRuntimeConfig, 'eventBusName' | 'source'>,
): OutgoingEvent {
  const { metadata, data } = envelope;
  const checked = MessageMetadataSchema.safeParse(metadata);
  if (!checked.success) {
    const summary = checked.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new InvalidOutgoingEnvelopeError(String(metadata.id), summary, { cause: checked.error });
  }
  let detail: string;
  try {
    new TopicId(metadata.topicType, metadata.topicSource);
    detail = JSON.stringify({ metadata, data });
  } catch (error) {
    const reason = messageOf(error);
    throw new InvalidOutgoingEnvelopeError(metadata.id, reason, { cause: error });
  }
  return {
    messageId: metadata.id,
    entry: {
      EventBusName: config.eventBusName,
      Source: config.source,
      DetailType: metadata.type,
      Detail: detail,
      Time: new Date(metadata.time),
    },
  };
}
