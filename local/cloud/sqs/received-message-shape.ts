import type { QueueMessageAttribute } from '../local-cloud-ports.js';
import { md5OfAttributes, md5OfBody } from './message-md5.js';
import type { ReceivedMessage, StoredMessage } from './queue-message.js';

/** The message system attributes SQS returns for `All`, in the API's names. */
export const SYSTEM_ATTRIBUTE_NAMES = [
  'ApproximateReceiveCount',
  'ApproximateFirstReceiveTimestamp',
  'SentTimestamp',
  'SenderId',
  'MessageDeduplicationId',
  'MessageGroupId',
  'SequenceNumber',
  'DeadLetterQueueSourceArn',
  'AWSTraceHeader',
] as const;

/** A message's system attributes as SQS reports them (every value a string; absent ones left out). */
export const systemAttributesOf = (message: StoredMessage): Record<string, string> => {
  const values: Record<string, string | undefined> = {
    ApproximateReceiveCount: String(message.receiveCount),
    ApproximateFirstReceiveTimestamp:
      message.firstReceivedAt === undefined ? undefined : String(message.firstReceivedAt),
    SentTimestamp: String(message.sentAt),
    SenderId: message.senderId,
    MessageDeduplicationId: message.deduplicationId,
    MessageGroupId: message.groupId,
    SequenceNumber: message.sequenceNumber,
    DeadLetterQueueSourceArn: message.deadLetterSourceArn,
    AWSTraceHeader: message.traceHeader,
  };
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
};

/** Whether a message attribute name is selected by `MessageAttributeNames` (`All`, `.*`, `prefix.*`, a name). */
const selects = (patterns: readonly string[], name: string): boolean =>
  patterns.some(
    (pattern) =>
      pattern === 'All' ||
      pattern === '.*' ||
      pattern === name ||
      (pattern.endsWith('.*') && name.startsWith(pattern.slice(0, -1))),
  );

/**
 * One received message in ReceiveMessage's JSON shape: the system attributes asked for, the message
 * attributes selected, and both MD5s over exactly what is returned (the SDK recomputes `MD5OfBody`).
 */
export const receivedMessageShape = (
  received: ReceivedMessage,
  systemNames: readonly string[],
  attributeNames: readonly string[],
): Record<string, unknown> => {
  const { message } = received;
  const system = systemAttributesOf(message);
  const wantsAll = systemNames.includes('All');
  const attributes = Object.fromEntries(
    Object.entries(system).filter(([name]) => wantsAll || systemNames.includes(name)),
  );
  const selected: Record<string, QueueMessageAttribute> = Object.fromEntries(
    Object.entries(message.attributes).filter(([name]) => selects(attributeNames, name)),
  );
  const md5OfMessageAttributes = md5OfAttributes(selected);
  return {
    MessageId: message.messageId,
    ReceiptHandle: received.receiptHandle,
    MD5OfBody: md5OfBody(message.body),
    Body: message.body,
    ...(Object.keys(attributes).length > 0 ? { Attributes: attributes } : {}),
    ...(md5OfMessageAttributes === undefined
      ? {}
      : { MD5OfMessageAttributes: md5OfMessageAttributes, MessageAttributes: selected }),
  };
};
