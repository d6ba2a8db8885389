import { AwsServiceError, type JsonOperation } from '../endpoint/aws-service.js';
import type { QueueMessageAttribute } from '../local-cloud-ports.js';
import type { LocalQueueRegistry } from './local-queue-registry.js';
import { md5OfAttributes, md5OfBody } from './message-md5.js';
import { receivedMessageShape } from './received-message-shape.js';
import { invalidParameter } from './sqs-errors.js';
import { integerIn, optionalString, recordList, requiredString, stringList } from './sqs-input.js';

type Input = Readonly<Record<string, unknown>>;

const DATA_TYPE = /^(String|Number|Binary)(\..+)?$/;

/** `MessageAttributes` of a send, checked as SQS checks them (at most 10, a known data type, a value). */
const messageAttributesOf = (value: unknown): Record<string, QueueMessageAttribute> => {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw invalidParameter('MessageAttributes must be a map.');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 10)
    throw invalidParameter('Number of message attributes [11] exceeds the allowed maximum [10].');
  return Object.fromEntries(
    entries.map(([name, raw]) => {
      const attribute = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
      const dataType = attribute.DataType;
      if (typeof dataType !== 'string' || !DATA_TYPE.test(dataType)) {
        throw invalidParameter(`The type of message (user) attribute '${name}' is invalid.`);
      }
      const binary = dataType.startsWith('Binary');
      const field = binary ? attribute.BinaryValue : attribute.StringValue;
      if (typeof field !== 'string' || field === '') {
        throw invalidParameter(
          `Message (user) attribute '${name}' must contain a non-empty value of type '${dataType}'.`,
        );
      }
      if (dataType.startsWith('Number') && !Number.isFinite(Number(field))) {
        throw invalidParameter(`Can't cast the value of message (user) attribute '${name}' to a number.`);
      }
      return [
        name,
        binary ? { DataType: dataType, BinaryValue: field } : { DataType: dataType, StringValue: field },
      ];
    }),
  );
};

const traceHeaderOf = (value: unknown): string | undefined => {
  const header = (value as Record<string, Record<string, unknown>> | undefined)?.AWSTraceHeader?.StringValue;
  return typeof header === 'string' ? header : undefined;
};

const sendOne = (registry: LocalQueueRegistry, queueUrl: string, entry: Input): Record<string, unknown> => {
  const attributes = messageAttributesOf(entry.MessageAttributes);
  const traceHeader = traceHeaderOf(entry.MessageSystemAttributes);
  const body = requiredString(entry, 'MessageBody');
  const sent = registry.get(queueUrl).send({
    body,
    attributes,
    traceHeader,
    delaySeconds:
      entry.DelaySeconds === undefined
        ? undefined
        : integerIn(entry, 'DelaySeconds', { min: 0, max: 900 }, 0),
    groupId: optionalString(entry, 'MessageGroupId'),
    deduplicationId: optionalString(entry, 'MessageDeduplicationId'),
  });
  const md5OfMessageAttributes = md5OfAttributes(attributes);
  const md5OfSystem =
    traceHeader === undefined
      ? undefined
      : md5OfAttributes({ AWSTraceHeader: { DataType: 'String', StringValue: traceHeader } });
  return {
    MessageId: sent.messageId,
    MD5OfMessageBody: md5OfBody(body),
    ...(md5OfMessageAttributes === undefined ? {} : { MD5OfMessageAttributes: md5OfMessageAttributes }),
    ...(md5OfSystem === undefined ? {} : { MD5OfMessageSystemAttributes: md5OfSystem }),
    ...(sent.sequenceNumber === undefined ? {} : { SequenceNumber: sent.sequenceNumber }),
  };
};

const ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

/**
 * A batch as SQS runs one: 1 to 10 entries with distinct, well-formed ids (else the whole request fails
 * with the named error), then each entry on its own, its failure reported in `Failed` with `SenderFault`.
 */
const batch = async (
  input: Input,
  name: string,
  each: (entry: Input) => Record<string, unknown>,
): Promise<{ Successful: Record<string, unknown>[]; Failed: Record<string, unknown>[] }> => {
  const entries = recordList(input, name);
  if (entries.length === 0)
    throw new AwsServiceError('EmptyBatchRequest', 'There should be at least one entry in the request.');
  if (entries.length > 10) {
    throw new AwsServiceError(
      'TooManyEntriesInBatchRequest',
      `Maximum number of entries per request are 10. You have sent ${entries.length}.`,
    );
  }
  const ids = entries.map((entry) => entry.Id);
  for (const id of ids) {
    if (typeof id !== 'string' || !ENTRY_ID.test(id)) {
      throw new AwsServiceError(
        'InvalidBatchEntryId',
        'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
      );
    }
  }
  if (new Set(ids).size !== ids.length)
    throw new AwsServiceError(
      'BatchEntryIdsNotDistinct',
      'Two or more batch entries in the request have the same Id.',
    );
  const Successful: Record<string, unknown>[] = [];
  const Failed: Record<string, unknown>[] = [];
  for (const entry of entries) {
    try {
      Successful.push({ Id: entry.Id, ...each(entry) });
    } catch (error) {
      if (!(error instanceof AwsServiceError) || error.awsCode === 'QueueDoesNotExist') throw error;
      Failed.push({ Id: entry.Id, SenderFault: true, Code: error.awsCode, Message: error.message });
    }
  }
  return { Successful, Failed };
};

/** The SQS operations on messages: send, receive, delete and change visibility, one and batched. */
export function messageOperations(registry: LocalQueueRegistry): Record<string, JsonOperation> {
  const visibility = (entry: Input) => integerIn(entry, 'VisibilityTimeout', { min: 0, max: 43_200 }, 0);
  return {
    SendMessage: async (input) => sendOne(registry, requiredString(input, 'QueueUrl'), input),
    SendMessageBatch: async (input) => {
      const queueUrl = requiredString(input, 'QueueUrl');
      registry.get(queueUrl);
      return batch(input, 'Entries', (entry) => sendOne(registry, queueUrl, entry));
    },
    ReceiveMessage: async (input) => {
      const state = registry.get(requiredString(input, 'QueueUrl'));
      const max = integerIn(input, 'MaxNumberOfMessages', { min: 1, max: 10 }, 1);
      const visibilityMs =
        integerIn(input, 'VisibilityTimeout', { min: 0, max: 43_200 }, state.queue.visibilityTimeoutSeconds) *
        1000;
      const waitMs =
        integerIn(input, 'WaitTimeSeconds', { min: 0, max: 20 }, state.queue.receiveMessageWaitSeconds) *
        1000;
      const systemNames = [
        ...stringList(input, 'MessageSystemAttributeNames'),
        ...stringList(input, 'AttributeNames'),
      ];
      const attributeNames = stringList(input, 'MessageAttributeNames');
      const received = await state.receive({ max, visibilityMs, waitMs });
      return {
        Messages: received.map((message) => receivedMessageShape(message, systemNames, attributeNames)),
      };
    },
    DeleteMessage: async (input) => {
      registry.get(requiredString(input, 'QueueUrl')).delete(requiredString(input, 'ReceiptHandle'));
      return {};
    },
    DeleteMessageBatch: async (input) => {
      const state = registry.get(requiredString(input, 'QueueUrl'));
      return batch(input, 'Entries', (entry) => {
        state.delete(requiredString(entry, 'ReceiptHandle'));
        return {};
      });
    },
    ChangeMessageVisibility: async (input) => {
      const state = registry.get(requiredString(input, 'QueueUrl'));
      state.changeVisibility(requiredString(input, 'ReceiptHandle'), visibility(input));
      return {};
    },
    ChangeMessageVisibilityBatch: async (input) => {
      const state = registry.get(requiredString(input, 'QueueUrl'));
      return batch(input, 'Entries', (entry) => {
        state.changeVisibility(requiredString(entry, 'ReceiptHandle'), visibility(entry));
        return {};
      });
    },
  };
}
