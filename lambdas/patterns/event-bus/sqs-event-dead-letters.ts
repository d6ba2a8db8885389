import { type MessageAttributeValue, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { DEAD_LETTER_ATTRIBUTES } from '../../contracts/dead-letter-record.js';
import type { EventDeadLetter, EventDeadLetters } from './event-dead-letters.js';

export interface SqsEventDeadLettersOptions {
  readonly sqs: SQSClient;
  readonly queueUrl: string;
}

/** SQS message attributes of an event dead letter, besides `agentbridge.reason` and `agentbridge.code`. */
export const EVENT_DEAD_LETTER_ATTRIBUTES = {
  reason: DEAD_LETTER_ATTRIBUTES.reason,
  code: DEAD_LETTER_ATTRIBUTES.code,
  message: 'agentbridge.message',
  subscriber: 'agentbridge.subscriber',
  subscription: 'agentbridge.subscription',
} as const;

const text = (value: string): MessageAttributeValue => ({
  DataType: 'String',
  StringValue: value.slice(0, 1024),
});

/**
 * Event dead letters on an SQS queue. The message body is the original event, exactly as published (what
 * EventBridge itself writes to a rule's dead-letter queue), so `agentbridge dlq show` prints it whole and
 * `redriveDeadLetters` puts it back on the bus; the reason, error code, message and subscriber ride in message
 * attributes.
 *
 * @example
 * ```ts
 * const deadLetters = new SqsEventDeadLetters({ sqs: new SQSClient({}), queueUrl: process.env.PAGING_DLQ_URL });
 * const bus = new FilteringEventBus({ deadLetters });
 * ```
 */
export class SqsEventDeadLetters implements EventDeadLetters {
  readonly #options: SqsEventDeadLettersOptions;

  constructor(options: SqsEventDeadLettersOptions) {
    this.#options = options;
  }

  async add(letter: EventDeadLetter): Promise<void> {
    const attributes: Record<string, MessageAttributeValue> = {
      [EVENT_DEAD_LETTER_ATTRIBUTES.reason]: text(letter.reason),
      [EVENT_DEAD_LETTER_ATTRIBUTES.code]: text(
        letter.errorCode ?? letter.reason.toUpperCase().replaceAll('-', '_'),
      ),
      [EVENT_DEAD_LETTER_ATTRIBUTES.message]: text(letter.message),
    };
    if (letter.subscriber !== undefined) {
      attributes[EVENT_DEAD_LETTER_ATTRIBUTES.subscriber] = text(letter.subscriber);
    }
    if (letter.subscriptionId !== undefined) {
      attributes[EVENT_DEAD_LETTER_ATTRIBUTES.subscription] = text(letter.subscriptionId);
    }
    await this.#options.sqs.send(
      new SendMessageCommand({
        QueueUrl: this.#options.queueUrl,
        MessageBody: JSON.stringify(letter.event),
        MessageAttributes: attributes,
      }),
    );
  }
}
