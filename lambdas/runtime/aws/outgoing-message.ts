import type { MessageType } from '../../contracts/message-type.js';
import type { DeliveryContext } from '../delivery-context.js';
import type { PublishOptions } from '../message-context.js';
import { MessageCancelledError } from '../runtime-error.js';
import type { TopicId } from '../topic-id.js';
import type { AwsRuntimeConfig } from './aws-runtime-config.js';
import type { DeliveryCall } from './delivery-calls.js';
import type { OutgoingEvent } from './event-publisher.js';
import { outgoingMetadata } from './outgoing-metadata.js';

/** One message to publish, as `publishBatch` takes it. */
export interface OutgoingMessage<T = unknown> {
  readonly type: MessageType<string, T, unknown>;
  readonly message: T;
  readonly topic: TopicId;
  readonly options?: PublishOptions;
}

/**
 * The PutEvents entry for a message: the payload validated with its type's schema (the wire boundary), the
 * detail `{ metadata, data }`, detail-type = type name, the runtime's source and bus, and `Time` = the
 * metadata's time. An already aborted signal publishes nothing, as in process. `call` (the publish's place in
 * the caller's delivery) makes the message id deterministic; see `outgoingMetadata`.
 *
 * @example
 * ```ts
 * outgoingEvent({ type: OrderPlaced, message: order, topic: new TopicId('order.placed', id) }, undefined, config);
 * ```
 */
export function outgoingEvent(
  { type, message, topic, options }: OutgoingMessage,
  caller: DeliveryContext | undefined,
  config: Pick<AwsRuntimeConfig, 'eventBusName' | 'source'>,
  call?: DeliveryCall,
): OutgoingEvent {
  const signal = options?.signal ?? caller?.signal;
  if (signal?.aborted) throw new MessageCancelledError(type.name, { cause: signal.reason });
  const data = type.parse(message);
  const sender = options?.sender ?? caller?.recipient;
  const dataJson: string | undefined = JSON.stringify(data);
  const metadata = outgoingMetadata({
    messageType: type.name,
    topicType: topic.type,
    topicSource: topic.source,
    sender,
    options,
    caller,
    call,
    data,
    dataJson,
  });
  return {
    messageId: metadata.id,
    entry: {
      EventBusName: config.eventBusName,
      Source: config.source,
      DetailType: type.name,
      // The same text as JSON.stringify({ metadata, data }), reusing the payload's JSON.
      Detail:
        dataJson === undefined
          ? JSON.stringify({ metadata })
          : `{"metadata":${JSON.stringify(metadata)},"data":${dataJson}}`,
      Time: new Date(metadata.time),
    },
  };
}
