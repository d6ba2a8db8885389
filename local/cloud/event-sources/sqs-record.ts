import type { LocalQueue } from '../local-deployment.js';
import { md5OfAttributes, md5OfBody } from '../sqs/message-md5.js';
import type { ReceivedMessage } from '../sqs/queue-message.js';

const LAMBDA_SYSTEM_ATTRIBUTES = [
  'ApproximateReceiveCount',
  'SentTimestamp',
  'SenderId',
  'ApproximateFirstReceiveTimestamp',
  'SequenceNumber',
  'MessageGroupId',
  'MessageDeduplicationId',
  'AWSTraceHeader',
] as const;

/** One message as Lambda hands it to a function in `Records` (camel-cased, attributes as strings). */
export function sqsRecordOf(
  received: ReceivedMessage,
  queue: LocalQueue,
  region: string,
): Record<string, unknown> {
  const { message } = received;
  const system: Record<string, string | undefined> = {
    ApproximateReceiveCount: String(message.receiveCount),
    SentTimestamp: String(message.sentAt),
    SenderId: message.senderId,
    ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? message.sentAt),
    SequenceNumber: message.sequenceNumber,
    MessageGroupId: message.groupId,
    MessageDeduplicationId: message.deduplicationId,
    AWSTraceHeader: message.traceHeader,
  };
  const attributes = Object.fromEntries(
    LAMBDA_SYSTEM_ATTRIBUTES.flatMap((name) => (system[name] === undefined ? [] : [[name, system[name]]])),
  );
  const messageAttributes = Object.fromEntries(
    Object.entries(message.attributes).map(([name, value]) => [
      name,
      {
        ...(value.StringValue === undefined ? {} : { stringValue: value.StringValue }),
        ...(value.BinaryValue === undefined ? {} : { binaryValue: value.BinaryValue }),
        stringListValues: [],
        binaryListValues: [],
        dataType: value.DataType,
      },
    ]),
  );
  const md5OfMessageAttributes = md5OfAttributes(message.attributes);
  return {
    messageId: message.messageId,
    receiptHandle: received.receiptHandle,
    body: message.body,
    attributes,
    messageAttributes,
    md5OfBody: md5OfBody(message.body),
    ...(md5OfMessageAttributes === undefined ? {} : { md5OfMessageAttributes }),
    eventSource: 'aws:sqs',
    eventSourceARN: queue.arn,
    awsRegion: region,
  };
}
