import * as z from 'zod';
import { type Clock, systemClock } from '../../contracts/clock.js';
import { isTransientError } from '../../runtime/lambda/is-transient-error.js';
import type { ItemStore } from '../../stores/items/item-store.js';
import type { BatchAggregator, BatchRequest } from './batch-aggregator.js';

/**
 * What a requester reads back under its request id: the result, or the error that ended the request (after
 * its retries, when the error was transient). Kept in a table whose TTL attribute is `expiresAt`.
 */
export const BatchResultRecordSchema = z.object({
  requestId: z.string().min(1),
  status: z.enum(['succeeded', 'failed']),
  result: z.unknown().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  /** The receive of the queued message that settled it (1 for the first delivery). */
  attempts: z.number().int().min(1),
  completedAt: z.string(),
  expiresAt: z.number().int(),
});
export type BatchResultRecord = z.infer<typeof BatchResultRecordSchema>;

/** One queued message as its handler read it. */
export interface QueuedRequest<P> {
  readonly messageId: string;
  /** How many times the queue has handed the message out, this time included. */
  readonly receiveCount: number;
  readonly request: BatchRequest<P>;
}

/** How a queued message ended: answered now, answered by an earlier delivery, or dead-lettered with its cause. */
export type QueuedOutcome = 'answered' | 'already-answered' | 'dead-lettered';

export interface QueuedRequestsOptions<P, R> {
  readonly aggregator: BatchAggregator<P, R>;
  /** The results table requesters read their own result from. */
  readonly results: ItemStore<BatchResultRecord>;
  /** The queue's receive limit: a request still failing on this receive is dead-lettered, not retried. */
  readonly maxReceiveCount: number;
  /** Puts the message on the queue's dead-letter queue with the error that ended it. */
  readonly deadLetter: (messageId: string, error: unknown) => Promise<void>;
  readonly clock?: Clock;
  /** How long a result stays readable. Default one day. */
  readonly resultTtlSeconds?: number;
}

const errorOf = (error: unknown): { code: string; message: string } => {
  const fields = error as { code?: unknown; message?: unknown; name?: unknown };
  return {
    code:
      typeof fields?.code === 'string'
        ? fields.code
        : typeof fields?.name === 'string'
          ? fields.name
          : 'ERROR',
    message: typeof fields?.message === 'string' ? fields.message : String(error),
  };
};

/** What the results table held for a request before its batch: an earlier success, or no read at all. */
type Earlier = { readonly answered: boolean } | { readonly unreadable: unknown };

/** A promise its reader settles later: a rejection before then is not an unhandled one. */
function unobserved<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * Answers the requests of one queue batch (a Lambda SQS event) through the aggregator, every request of a key
 * in one call, and gives back one promise per message: it resolves once the message's outcome is recorded —
 * its result written to the results table, or, for an error that is not transient or a message on its last
 * receive, the message dead-lettered with the error and the failure written — and rejects when the message
 * should come back (a transient failure, or a results table that could not be read or written). A request
 * already answered by an earlier delivery is not asked again; messages repeating a request id share its call.
 *
 * @example
 * ```ts
 * const outcomes = await answerQueuedRequests(queued, { aggregator, results, maxReceiveCount: 3, deadLetter });
 * await processPartialResponse(event, (record) => outcomes.get(record.messageId), processor);
 * ```
 */
export async function answerQueuedRequests<P, R>(
  queued: readonly QueuedRequest<P>[],
  options: QueuedRequestsOptions<P, R>,
): Promise<Map<string, Promise<QueuedOutcome>>> {
  const { aggregator, results } = options;
  const clock = options.clock ?? systemClock;
  const ids = [...new Set(queued.map(({ request }) => request.id))];
  // Read before anything is submitted, so every request of the batch joins the aggregator together.
  const earlier = new Map<string, Earlier>(
    await Promise.all(
      ids.map((id) =>
        results.get(id).then(
          (found): [string, Earlier] => [id, { answered: found?.status === 'succeeded' }],
          (error: unknown): [string, Earlier] => [id, { unreadable: error }],
        ),
      ),
    ),
  );
  const answers = new Map<string, Promise<R>>();
  for (const { request } of queued) {
    const found = earlier.get(request.id);
    if (found !== undefined && 'answered' in found && !found.answered && !answers.has(request.id)) {
      answers.set(request.id, aggregator.submit(request));
    }
  }
  const record = (
    requestId: string,
    attempts: number,
    outcome: Pick<BatchResultRecord, 'status' | 'result' | 'error'>,
  ): Promise<void> => {
    const now = clock.now();
    return results.put({
      requestId,
      attempts,
      ...outcome,
      completedAt: new Date(now).toISOString(),
      expiresAt: Math.floor(now / 1000) + (options.resultTtlSeconds ?? 86_400),
    });
  };
  const outcomes = new Map<string, Promise<QueuedOutcome>>();
  for (const { messageId, receiveCount, request } of queued) {
    const found = earlier.get(request.id);
    if (found !== undefined && 'unreadable' in found) {
      outcomes.set(messageId, unobserved(Promise.reject(found.unreadable)));
      continue;
    }
    const answer = answers.get(request.id);
    if (answer === undefined) {
      outcomes.set(messageId, Promise.resolve('already-answered'));
      continue;
    }
    const outcome = answer.then(
      async (result): Promise<QueuedOutcome> => {
        await record(request.id, receiveCount, { status: 'succeeded', result });
        return 'answered';
      },
      async (error: unknown): Promise<QueuedOutcome> => {
        if (isTransientError(error) && receiveCount < options.maxReceiveCount) throw error;
        await options.deadLetter(messageId, error);
        await record(request.id, receiveCount, { status: 'failed', error: errorOf(error) });
        return 'dead-lettered';
      },
    );
    outcomes.set(messageId, unobserved(outcome));
  }
  await aggregator.flush();
  return outcomes;
}
