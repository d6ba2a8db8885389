import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { messageOf } from '../../contracts/agentbridge-error.js';
import { DeadLetterRecordSchema } from '../../contracts/dead-letter-record.js';

/** An event as a dead-letter queue keeps it, ready to be put back on a bus. */
export interface DeadLetteredEvent {
  readonly source: string;
  readonly detailType: string;
  readonly detail: unknown;
  readonly resources: readonly string[];
  /** The event's original time, kept on the redriven event. */
  readonly time: string | undefined;
}

/** A message that is not an event the bus can take again, and why. */
export interface UnreadableDeadLetter {
  readonly unreadable: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function eventOf(value: unknown): DeadLetteredEvent | UnreadableDeadLetter {
  if (!isObject(value) || typeof value.source !== 'string' || typeof value['detail-type'] !== 'string') {
    return { unreadable: 'neither an EventBridge event nor an agentbridge dead-letter record' };
  }
  if (!('detail' in value)) return { unreadable: 'an EventBridge event without a detail' };
  const resources = Array.isArray(value.resources)
    ? value.resources.filter((resource): resource is string => typeof resource === 'string')
    : [];
  return {
    source: value.source,
    detailType: value['detail-type'],
    detail: value.detail,
    resources,
    time: typeof value.time === 'string' ? value.time : undefined,
  };
}

/**
 * The original event a dead-letter message holds: the event itself (what EventBridge writes to a rule's
 * dead-letter queue, and Lambda to a function's for a failed asynchronous invocation) or the `input` of an
 * agent function's bad-input record. A record of a direct `send` or a task, or one whose input was truncated,
 * holds no event to put back on the bus.
 *
 * @example
 * ```ts
 * const event = originalEventOf(message.Body ?? '');
 * if ('unreadable' in event) console.log(event.unreadable);
 * ```
 */
export function originalEventOf(body: string): DeadLetteredEvent | UnreadableDeadLetter {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return { unreadable: `not JSON: ${messageOf(error)}` };
  }
  if (!isObject(json) || json.kind !== 'agentbridge.bad-input') return eventOf(json);
  const record = DeadLetterRecordSchema.safeParse(json);
  if (!record.success) return { unreadable: 'a dead-letter record of an unknown shape' };
  if (record.data.truncated !== undefined || record.data.unserialisable !== undefined) {
    return { unreadable: 'a dead-letter record that kept only part of its input' };
  }
  if (record.data.inputKind !== 'eventbridge') {
    return { unreadable: `a dead-letter record of a ${record.data.inputKind} input, not of an event` };
  }
  return eventOf(record.data.input);
}

export interface RedriveDeadLettersOptions {
  readonly sqs: SQSClient;
  readonly eventBridge: EventBridgeClient;
  /** The dead-letter queue to empty. */
  readonly queueUrl: string;
  /** The bus the events go back on (name or ARN). */
  readonly eventBusName: string;
  /** Stop after this many messages. Default: until the queue has no message not seen yet. */
  readonly limit?: number;
}

/** What one redrive did, message by message. Only `redriven` messages left the queue. */
export interface RedriveDeadLettersReport {
  readonly redriven: { readonly messageId: string; readonly detailType: string; readonly eventId: string }[];
  /** Not an event the bus can take again: left on the queue, visible, for an operator. */
  readonly unreadable: { readonly messageId: string; readonly reason: string }[];
  /** EventBridge refused the entry: left on the queue, visible, with its error. */
  readonly refused: {
    readonly messageId: string;
    readonly errorCode: string;
    readonly errorMessage: string;
  }[];
}

/**
 * Puts the events of a dead-letter queue back on their bus: each message's original event (see
 * {@link originalEventOf}) with its source, detail-type, detail, resources and time, by PutEvents; a message is
 * deleted only once EventBridge accepted its event, so a crash in between redrives it again — safe, since
 * agents apply a message once by its id, which the detail keeps. What cannot be redriven stays on the queue.
 *
 * @example
 * ```ts
 * const report = await redriveDeadLetters({ sqs, eventBridge, queueUrl, eventBusName: 'orders' });
 * console.log(`${report.redriven.length} back on the bus, ${report.unreadable.length} left`);
 * ```
 */
export async function redriveDeadLetters(
  options: RedriveDeadLettersOptions,
): Promise<RedriveDeadLettersReport> {
  const report: RedriveDeadLettersReport = { redriven: [], unreadable: [], refused: [] };
  const seen = new Set<string>();
  const kept: Message[] = [];
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  try {
    while (seen.size < limit) {
      const { Messages = [] } = await options.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: options.queueUrl,
          MaxNumberOfMessages: Math.min(10, limit - seen.size),
          VisibilityTimeout: 30,
        }),
      );
      const fresh = Messages.filter((message) => !seen.has(message.MessageId ?? ''));
      if (fresh.length === 0) {
        kept.push(...Messages);
        break;
      }
      for (const message of Messages) seen.add(message.MessageId ?? '');
      kept.push(...Messages.filter((message) => !fresh.includes(message)));
      const entries: { message: Message; entry: PutEventsRequestEntry; detailType: string }[] = [];
      for (const message of fresh) {
        const event = originalEventOf(message.Body ?? '');
        if ('unreadable' in event) {
          report.unreadable.push({ messageId: message.MessageId ?? '', reason: event.unreadable });
          kept.push(message);
          continue;
        }
        entries.push({
          message,
          detailType: event.detailType,
          entry: {
            EventBusName: options.eventBusName,
            Source: event.source,
            DetailType: event.detailType,
            Detail: JSON.stringify(event.detail),
            Resources: [...event.resources],
            ...(event.time === undefined ? {} : { Time: new Date(event.time) }),
          },
        });
      }
      if (entries.length === 0) continue;
      const accepted = await putEach(options.eventBridge, entries, report, kept);
      if (accepted.length > 0) {
        await options.sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: options.queueUrl,
            Entries: accepted.map((message, i) => ({ Id: String(i), ReceiptHandle: message.ReceiptHandle })),
          }),
        );
      }
    }
  } finally {
    // What stays is visible again at once, for `show` or the next redrive.
    await makeVisibleAgain(options.sqs, options.queueUrl, kept);
  }
  return report;
}

/**
 * Makes received messages visible again at once (ChangeMessageVisibilityBatch, ten at a time): what a reader
 * that only looks, or leaves a message for later, does with what it received.
 *
 * @example
 * ```ts
 * await makeVisibleAgain(sqs, queueUrl, received);
 * ```
 */
export async function makeVisibleAgain(
  sqs: SQSClient,
  queueUrl: string,
  messages: readonly Message[],
): Promise<void> {
  for (let start = 0; start < messages.length; start += 10) {
    await sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: queueUrl,
        Entries: messages.slice(start, start + 10).map((message, i) => ({
          Id: String(i),
          ReceiptHandle: message.ReceiptHandle,
          VisibilityTimeout: 0,
        })),
      }),
    );
  }
}

/** PutEvents of the batch; returns the messages whose event was accepted, reports and keeps the others. */
async function putEach(
  eventBridge: EventBridgeClient,
  entries: readonly { message: Message; entry: PutEventsRequestEntry; detailType: string }[],
  report: RedriveDeadLettersReport,
  kept: Message[],
): Promise<Message[]> {
  const accepted: Message[] = [];
  let results: { EventId?: string; ErrorCode?: string; ErrorMessage?: string }[];
  try {
    results =
      (await eventBridge.send(new PutEventsCommand({ Entries: entries.map(({ entry }) => entry) })))
        .Entries ?? [];
  } catch (error) {
    const errorCode = error instanceof Error ? error.name : 'Error';
    const errorMessage = messageOf(error);
    for (const { message } of entries) {
      report.refused.push({ messageId: message.MessageId ?? '', errorCode, errorMessage });
      kept.push(message);
    }
    return accepted;
  }
  entries.forEach(({ message, detailType }, i) => {
    const result = results[i];
    if (result?.EventId !== undefined && result.ErrorCode === undefined) {
      report.redriven.push({ messageId: message.MessageId ?? '', detailType, eventId: result.EventId });
      accepted.push(message);
    } else {
      report.refused.push({
        messageId: message.MessageId ?? '',
        errorCode: result?.ErrorCode ?? 'NoResult',
        errorMessage: result?.ErrorMessage ?? 'EventBridge answered no entry for this event',
      });
      kept.push(message);
    }
  });
  return accepted;
}
