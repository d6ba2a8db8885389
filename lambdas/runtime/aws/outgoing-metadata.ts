import { randomUUID } from 'node:crypto';
import { ENVELOPE_SCHEMA_VERSION, type MessageMetadata } from '../../contracts/envelope.js';
import type { AgentId } from '../agent-id.js';
import type { MessageContext, PublishOptions } from '../message-context.js';

/**
 * The metadata of a message leaving this runtime. Ids follow the same rules as the in-process runtime: explicit
 * options win, then the handler context the message is sent from (its correlation id, and its message id as
 * the causation), then the new message's own id.
 *
 * @example
 * ```ts
 * outgoingMetadata('OrderPlaced', 'order.placed', 'order-42', undefined, {}, undefined);
 * ```
 */
export function outgoingMetadata(
  messageType: string,
  topicType: string,
  topicSource: string,
  sender: AgentId | undefined,
  options: PublishOptions | undefined,
  caller: MessageContext | undefined,
): MessageMetadata {
  const id = options?.messageId ?? randomUUID();
  const metadata: MessageMetadata = {
    id,
    type: messageType,
    topicType,
    topicSource,
    correlationId: options?.correlationId ?? caller?.correlationId ?? id,
    causationId: options?.causationId ?? caller?.messageId ?? id,
    time: new Date().toISOString(),
    schemaVersion: ENVELOPE_SCHEMA_VERSION,
  };
  if (sender !== undefined) metadata.sender = sender.toString();
  return metadata;
}
