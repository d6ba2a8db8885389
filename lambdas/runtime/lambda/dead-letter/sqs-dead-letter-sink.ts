import { type MessageAttributeValue, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { DEAD_LETTER_ATTRIBUTES, type DeadLetterRecord } from '../../../contracts/dead-letter-record.js';
import { type ClientSource, clientOf } from '../../aws/client-source.js';
import { deadLetterJson, digest, stackFreeJson } from './dead-letter-json.js';
import type { DeadLetterSink } from './dead-letter-sink.js';

/** SQS's classic message size limit; queues created before 2025 (and the CDK default) still use it. */
export const SQS_MAX_MESSAGE_BYTES = 256 * 1024;

/** Room left for the record's other fields and JSON escaping when the input has to be cut. */
const RECORD_OVERHEAD_BYTES = 8 * 1024;

/** What SQS counts of message attributes towards the message size: each name, data type and value, in bytes. */
function attributeBytes(attributes: Record<string, MessageAttributeValue>): number {
  let bytes = 0;
  for (const [name, { DataType, StringValue }] of Object.entries(attributes)) {
    bytes +=
      Buffer.byteLength(name) + Buffer.byteLength(DataType ?? '') + Buffer.byteLength(StringValue ?? '');
  }
  return bytes;
}

/**
 * Records bad input as one SQS message per input on the function's dead-letter queue (URL from
 * `AGENTBRIDGE_DEAD_LETTER_QUEUE_URL`), with the reason and code as message attributes. A record that would
 * exceed the queue's message size (body and attributes, counted as SQS counts them) keeps the start of the input's JSON and its full size and SHA-256; one that
 * cannot be serialised at all carries only that size and SHA-256 (see {@link deadLetterJson}).
 *
 * @example
 * ```ts
 * const deadLetters = new SqsDeadLetterSink(new SQSClient({}), process.env[ENV.deadLetterQueueUrl] ?? '');
 * ```
 */
export class SqsDeadLetterSink implements DeadLetterSink {
  readonly #client: () => SQSClient;
  readonly #queueUrl: string;
  readonly #maxMessageBytes: number;

  /** `client` may be a factory: the client is then built by the first `record`, not at cold start. */
  constructor(client: ClientSource<SQSClient>, queueUrl: string, options: { maxMessageBytes?: number } = {}) {
    this.#client = clientOf(client);
    this.#queueUrl = queueUrl;
    this.#maxMessageBytes = options.maxMessageBytes ?? SQS_MAX_MESSAGE_BYTES;
  }

  async record(record: DeadLetterRecord): Promise<void> {
    const attributes: Record<string, MessageAttributeValue> = {
      [DEAD_LETTER_ATTRIBUTES.reason]: { DataType: 'String', StringValue: record.reason },
      [DEAD_LETTER_ATTRIBUTES.code]: { DataType: 'String', StringValue: record.code },
    };
    await this.#client().send(
      new SendMessageCommand({
        QueueUrl: this.#queueUrl,
        MessageBody: this.#body(record, this.#maxMessageBytes - attributeBytes(attributes)),
        MessageAttributes: attributes,
      }),
    );
  }

  /** The record's JSON within `maxBytes` (the message size limit less what the attributes take). */
  #body(record: DeadLetterRecord, maxBytes: number): string {
    const body = deadLetterJson(record);
    if (Buffer.byteLength(body, 'utf8') <= maxBytes) return body;
    const input = stackFreeJson(record.input);
    const room = Math.max(0, Math.floor((maxBytes - RECORD_OVERHEAD_BYTES) / 2));
    // Half the room: escaping the cut JSON text inside the record's JSON can at most double its size.
    const head = Buffer.from(input, 'utf8').subarray(0, room).toString('utf8');
    return deadLetterJson({ ...record, input: head, truncated: digest(input) });
  }
}
