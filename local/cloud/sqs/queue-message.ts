import type { QueueMessageAttribute } from '../local-cloud-ports.js';

/** One message held by a local queue, with the state SQS keeps about it. */
export interface StoredMessage {
  readonly messageId: string;
  readonly body: string;
  readonly attributes: Readonly<Record<string, QueueMessageAttribute>>;
  /** `AWSTraceHeader`, the one message system attribute SQS accepts. */
  readonly traceHeader: string | undefined;
  /** Virtual time it was first sent (kept across a move to a dead-letter queue, as retention is). */
  readonly sentAt: number;
  readonly senderId: string;
  readonly groupId: string | undefined;
  readonly deduplicationId: string | undefined;
  readonly sequenceNumber: string | undefined;
  /** The queue it was moved from when it is in a dead-letter queue. */
  readonly deadLetterSourceArn: string | undefined;
  receiveCount: number;
  firstReceivedAt: number | undefined;
  /** Virtual time from which it may be received (its delay or visibility timeout ends). */
  visibleAt: number;
  /** The receipt handle of its latest receive; only that one deletes it. */
  receiptHandle: string | undefined;
  /** Cancels the clock deadline that wakes long polls when it becomes visible. */
  cancelWake: (() => void) | undefined;
}

/** What a receive hands out: the message as it is at that receive, with its receipt handle. */
export interface ReceivedMessage {
  readonly message: StoredMessage;
  readonly receiptHandle: string;
}

/** What a send gives the queue; SQS fills in the rest. */
export interface MessageToSend {
  readonly body: string;
  readonly attributes?: Readonly<Record<string, QueueMessageAttribute>>;
  readonly traceHeader?: string;
  readonly delaySeconds?: number;
  readonly groupId?: string;
  readonly deduplicationId?: string;
}

/** A receipt handle names its queue and message, so a handle from another queue or a forged one is refused. */
export const receiptHandleOf = (queueName: string, messageId: string, nonce: number): string =>
  Buffer.from(JSON.stringify([queueName, messageId, nonce]), 'utf8').toString('base64url');

/** The queue name and message id of a receipt handle, or undefined when it is not one this SQS issued. */
export const readReceiptHandle = (
  handle: string,
): { readonly queueName: string; readonly messageId: string } | undefined => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(handle, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3) return undefined;
    const [queueName, messageId] = parsed;
    if (typeof queueName !== 'string' || typeof messageId !== 'string') return undefined;
    return { queueName, messageId };
  } catch {
    return undefined;
  }
};
