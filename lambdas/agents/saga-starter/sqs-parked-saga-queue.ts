import { DeleteMessageCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ParkedSagaMessage, ParkedSagaQueue } from './parked-saga-queue-port.js';

export interface SqsParkedSagaQueueOptions {
  readonly client: SQSClient;
  readonly queueUrl: string;
  /** How long a received message stays hidden from other readers (default 300 s: a saga's longest run). */
  readonly visibilityTimeoutSeconds?: number;
}

/** SQS hands out at most 10 messages per ReceiveMessage. */
const MAX_PER_RECEIVE = 10;

/**
 * {@link ParkedSagaQueue} on Amazon SQS through an injected client. IAM: `sqs:ReceiveMessage` and
 * `sqs:DeleteMessage` on the parked-saga queue (an operator's role, not a function's).
 *
 * @example
 * ```ts
 * const queue = new SqsParkedSagaQueue({ client: new SQSClient({}), queueUrl });
 * ```
 */
export class SqsParkedSagaQueue implements ParkedSagaQueue {
  readonly #options: SqsParkedSagaQueueOptions;

  constructor(options: SqsParkedSagaQueueOptions) {
    this.#options = options;
  }

  async receive(max: number): Promise<readonly ParkedSagaMessage[]> {
    const { Messages = [] } = await this.#options.client.send(
      new ReceiveMessageCommand({
        QueueUrl: this.#options.queueUrl,
        MaxNumberOfMessages: Math.max(1, Math.min(MAX_PER_RECEIVE, max)),
        VisibilityTimeout: this.#options.visibilityTimeoutSeconds ?? 300,
        WaitTimeSeconds: 1,
      }),
    );
    return Messages.flatMap((message) =>
      message.ReceiptHandle === undefined
        ? []
        : [{ receiptHandle: message.ReceiptHandle, body: message.Body ?? '' }],
    );
  }

  async delete(receiptHandle: string): Promise<void> {
    await this.#options.client.send(
      new DeleteMessageCommand({ QueueUrl: this.#options.queueUrl, ReceiptHandle: receiptHandle }),
    );
  }
}
