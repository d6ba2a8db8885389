import { setTimeout as sleep } from 'node:timers/promises';
import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { EventTooLargeError, type FailedEvent, PublishFailedError } from './publish-failed-error.js';
import { PUT_EVENTS_LIMITS, putEventsEntrySize, splitIntoBatches } from './put-events-batches.js';
import { backoffDelayMs, DEFAULT_PUBLISH_RETRY, type RetryPolicy } from './retry-policy.js';

/** One event to put, with the message id that names it in errors. */
export interface OutgoingEvent {
  readonly messageId: string;
  readonly entry: PutEventsRequestEntry;
}

export interface EventPublisherOptions {
  retry?: RetryPolicy;
  /** Injected for tests; defaults to timers/promises `setTimeout` and `Math.random`. */
  sleep?: (ms: number) => Promise<unknown>;
  random?: () => number;
}

/**
 * Per-entry codes AWS documents as permanent: resending the same entry fails the same way, so it is reported
 * at once instead of burning the retry budget.
 */
const PERMANENT_ENTRY_ERRORS = new Set([
  'AccessDeniedException',
  'InvalidAccountIdException',
  'InvalidArgument',
  'MalformedDetail',
  'RedactionFailure',
  'NotAuthorizedForSourceException',
  'NotAuthorizedForDetailTypeException',
]);

/** The error code {@link EventPublisher.putEventsSettled} reports for an event over EventBridge's entry limit. */
export const EVENT_TOO_LARGE_CODE = 'EventTooLarge';

interface EntryFailure extends FailedEvent {
  readonly retryable: boolean;
}

/** A failed call (after the SDK's own retries) is retryable unless the SDK blames the request itself. */
function isRetryableCallError(error: unknown): boolean {
  const sdk = error as { $fault?: string; $retryable?: unknown };
  return sdk.$retryable !== undefined || sdk.$fault !== 'client';
}

/**
 * PutEvents with EventBridge's limits and partial failures handled: entries go out in calls of at most 10
 * entries and 256 KB, calls run concurrently, and only the entries a call reports as failed (per-entry
 * `ErrorCode`) are resent, with exponential backoff and full jitter, up to `retry.maxAttempts` calls. What
 * still fails is thrown as one {@link PublishFailedError} listing each event; nothing is dropped silently.
 *
 * @example
 * ```ts
 * const publisher = new EventPublisher(new EventBridgeClient({}));
 * await publisher.putEvents([{ messageId: 'm1', entry: { EventBusName: 'bus', Source: 's', DetailType: 't', Detail: '{}' } }]);
 * ```
 */
export class EventPublisher {
  readonly #client: EventBridgeClient;
  readonly #retry: RetryPolicy;
  readonly #sleep: (ms: number) => Promise<unknown>;
  readonly #random: () => number;

  constructor(client: EventBridgeClient, options: EventPublisherOptions = {}) {
    this.#client = client;
    this.#retry = options.retry ?? DEFAULT_PUBLISH_RETRY;
    this.#sleep = options.sleep ?? sleep;
    this.#random = options.random ?? Math.random;
  }

  async putEvents(events: readonly OutgoingEvent[]): Promise<void> {
    events.forEach((event, index) => {
      const size = putEventsEntrySize(event.entry);
      if (size > PUT_EVENTS_LIMITS.maxBytes) {
        const detailType = event.entry.DetailType ?? '';
        throw new EventTooLargeError(index, event.messageId, detailType, size, PUT_EVENTS_LIMITS.maxBytes);
      }
    });
    const failures = await this.putEventsSettled(events);
    if (failures.length > 0) throw new PublishFailedError(failures, events.length - failures.length);
  }

  /**
   * Like {@link putEvents}, but resolves with the events still not accepted (by index, in order; empty when
   * the bus took them all) instead of throwing, so a caller can act per event. An event over 256 KB is
   * reported with the code {@link EVENT_TOO_LARGE_CODE} and never sent; the others are.
   */
  async putEventsSettled(events: readonly OutgoingEvent[]): Promise<FailedEvent[]> {
    const oversized: FailedEvent[] = [];
    const sendable: number[] = [];
    const sizes: number[] = [];
    events.forEach((event, index) => {
      const size = putEventsEntrySize(event.entry);
      if (size <= PUT_EVENTS_LIMITS.maxBytes) {
        sendable.push(index);
        sizes.push(size);
        return;
      }
      const { messageId } = event;
      const detailType = event.entry.DetailType ?? '';
      const { message } = new EventTooLargeError(
        index,
        messageId,
        detailType,
        size,
        PUT_EVENTS_LIMITS.maxBytes,
      );
      oversized.push({
        index,
        messageId,
        detailType,
        errorCode: EVENT_TOO_LARGE_CODE,
        errorMessage: message,
      });
    });
    const batches = splitIntoBatches(sizes).map((batch) => batch.map((position) => sendable[position] ?? 0));
    const outcomes = await Promise.all(batches.map((batch) => this.#sendBatch(events, batch)));
    return [...oversized, ...outcomes.flat()].sort((a, b) => a.index - b.index);
  }

  async #sendBatch(events: readonly OutgoingEvent[], batch: readonly number[]): Promise<FailedEvent[]> {
    const permanent: FailedEvent[] = [];
    let pending = batch;
    for (let attempt = 1; ; attempt++) {
      const failures = await this.#attempt(events, pending);
      const retryable: FailedEvent[] = [];
      for (const { retryable: canRetry, ...failure } of failures)
        (canRetry ? retryable : permanent).push(failure);
      if (retryable.length === 0) return permanent;
      if (attempt >= this.#retry.maxAttempts) return [...permanent, ...retryable];
      await this.#sleep(backoffDelayMs(attempt, this.#retry, this.#random));
      pending = retryable.map((failure) => failure.index);
    }
  }

  async #attempt(events: readonly OutgoingEvent[], indices: readonly number[]): Promise<EntryFailure[]> {
    const failure = (
      index: number,
      errorCode: string,
      errorMessage: string,
      retryable: boolean,
    ): EntryFailure => {
      const event = events[index];
      return {
        index,
        messageId: event?.messageId ?? '',
        detailType: event?.entry.DetailType ?? '',
        errorCode,
        errorMessage,
        retryable,
      };
    };
    let results: { ErrorCode?: string; ErrorMessage?: string }[];
    try {
      const entries = indices.map((index) => events[index]?.entry ?? {});
      const output = await this.#client.send(new PutEventsCommand({ Entries: entries }));
      results = output.Entries ?? [];
      // Read every result even when FailedEntryCount is 0: a short result list must not pass for success.
      if (!output.FailedEntryCount && results.length >= indices.length) return [];
    } catch (error) {
      const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
      return indices.map((index) => failure(index, name, message, isRetryableCallError(error)));
    }
    const failures: EntryFailure[] = [];
    indices.forEach((index, position) => {
      const result = results[position];
      // A result list shorter than the request means EventBridge did not report on the entry: resend it.
      if (result === undefined)
        failures.push(failure(index, 'MissingResult', 'No result for the entry', true));
      else if (result.ErrorCode !== undefined) {
        const code = result.ErrorCode;
        failures.push(failure(index, code, result.ErrorMessage ?? '', !PERMANENT_ENTRY_ERRORS.has(code)));
      }
    });
    return failures;
  }
}
