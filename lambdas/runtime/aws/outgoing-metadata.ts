import { randomUUID } from 'node:crypto';
import { ENVELOPE_SCHEMA_VERSION, type MessageMetadata } from '../../contracts/envelope.js';
import type { AgentId } from '../agent-id.js';
import type { MessageContext, PublishOptions } from '../message-context.js';
import { causationIdOf, correlationIdOf } from '../message-lineage.js';
import type { DeliveryCall } from './delivery-calls.js';
import { nameBasedUuid } from './name-based-uuid.js';

/**
 * Namespace of derived message ids: `uuidv5(NAMESPACE_URL, 'https://github.com/agentbridge/delivery-message-id')`.
 * Never change it: a delivery retried across the change would republish under new ids.
 */
export const DELIVERY_MESSAGE_ID_NAMESPACE = 'd3104132-bd5a-5c84-b8a6-dc47b6b6315b';

/** What one outgoing message's metadata is built from. */
export interface OutgoingMetadataInput {
  readonly messageType: string;
  /** The topic of a publish; for a send, the recipient's type and key. */
  readonly topicType: string;
  readonly topicSource: string;
  readonly sender: AgentId | undefined;
  readonly options: PublishOptions | undefined;
  readonly caller: MessageContext | undefined;
  /** The call's place in the handler's delivery; undefined for a call made outside any delivery. */
  readonly call: DeliveryCall | undefined;
  /** The validated payload: part of a derived id's name, so a call that differs gets a different id. */
  readonly data: unknown;
  /** `data` as JSON when the caller has it already (a publish writes it into the Detail): not stringified twice. */
  readonly dataJson?: string;
}

/**
 * The metadata of a message leaving this runtime. Ids follow the same rules as the in-process runtime: explicit
 * options win, then the handler context the message is sent from (its correlation id, and its message id as
 * the causation), then the new message's own id.
 *
 * The message id, unless given: a call made from a delivery gets a name-based UUID of the delivery's message
 * id, the agent, the call's number within the delivery, its kind, type, topic and payload. A delivery that is
 * retried after its handler already published (a `DeliveryConflictError` on the state save, a Lambda timeout)
 * therefore republishes under the same ids, and consumers deduplicating on `metadata.id` drop the copies. This
 * assumes deterministic handlers: the same input and state give the same calls in the same order. A handler
 * that branches on time, randomness or state changed by the racing delivery makes differing calls, and those
 * get fresh ids (both versions go out, as any at-least-once publish may). A call outside any delivery (a
 * client, `publishBatch`) gets a random id: nothing would re-run it the same way.
 *
 * @example
 * ```ts
 * outgoingMetadata({ messageType: 'OrderPlaced', topicType: 'order.placed', topicSource: 'order-42',
 *   sender: undefined, options: {}, caller: ctx, call: calls.next('publish', ctx), data: order });
 * ```
 */
export function outgoingMetadata(input: OutgoingMetadataInput): MessageMetadata {
  const { messageType, topicType, topicSource, sender, options, caller } = input;
  const id = options?.messageId ?? derivedId(input) ?? randomUUID();
  const metadata: MessageMetadata = {
    id,
    type: messageType,
    topicType,
    topicSource,
    correlationId: correlationIdOf(id, options, caller),
    causationId: causationIdOf(id, options, caller),
    time: new Date().toISOString(),
    schemaVersion: ENVELOPE_SCHEMA_VERSION,
  };
  if (sender !== undefined) metadata.sender = sender.toString();
  return metadata;
}

function derivedId({
  call,
  messageType,
  topicType,
  topicSource,
  data,
  dataJson,
}: OutgoingMetadataInput): string | undefined {
  if (call === undefined) return undefined;
  // A JSON array keeps the parts apart: no separator inside an id or key can make two names collide. The
  // payload follows the array's closing bracket, which ends it unambiguously.
  const parts = [
    call.callerMessageId,
    call.agentId,
    call.seq,
    call.kind,
    messageType,
    topicType,
    topicSource,
  ];
  const name = `${JSON.stringify(parts)}${dataJson ?? JSON.stringify(data) ?? ''}`;
  return nameBasedUuid(DELIVERY_MESSAGE_ID_NAMESPACE, name);
}
