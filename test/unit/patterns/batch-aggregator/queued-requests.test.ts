import { describe, expect, it } from 'vitest';
import { AgentbridgeError } from '../../../../lambdas/contracts/agentbridge-error.js';
import { BATCH_RESULTS_TABLE } from '../../../../lambdas/contracts/tables/batch-results-table.js';
import {
  type Aggregator,
  BatchAggregator,
  failItem,
} from '../../../../lambdas/patterns/batch-aggregator/batch-aggregator.js';
import {
  answerQueuedRequests,
  type BatchResultRecord,
  BatchResultRecordSchema,
  type QueuedRequest,
} from '../../../../lambdas/patterns/batch-aggregator/queued-requests.js';
import { InMemoryItemStore } from '../../../../lambdas/stores/items/in-memory/in-memory-item-store.js';
import { ManualClock } from '../../../support/manual-clock.js';

class CmdbError extends AgentbridgeError {
  override readonly name = 'CmdbError';
}

const NOW = Date.UTC(2026, 11, 2, 18);

const setup = (aggregate?: Aggregator<string, string>) => {
  const calls: string[][] = [];
  const results = new InMemoryItemStore<BatchResultRecord>({
    table: BATCH_RESULTS_TABLE,
    schema: BatchResultRecordSchema,
  });
  const deadLettered: { messageId: string; code: unknown }[] = [];
  const aggregator = new BatchAggregator<string, string>({
    name: 'cmdb',
    maxSize: 10,
    windowMs: 60_000,
    timers: { set: () => undefined, clear: () => undefined },
    aggregators: {
      default: async (batch) => {
        calls.push(batch.requests.map((request) => request.id));
        if (aggregate !== undefined) return aggregate(batch);
        return new Map(batch.requests.map((request) => [request.id, request.payload.toUpperCase()]));
      },
    },
  });
  const answer = (queued: readonly QueuedRequest<string>[]) =>
    answerQueuedRequests(queued, {
      aggregator,
      results,
      maxReceiveCount: 3,
      clock: new ManualClock(NOW),
      deadLetter: async (messageId, error) => {
        deadLettered.push({ messageId, code: (error as { code?: unknown }).code });
      },
    });
  return { calls, results, deadLettered, answer };
};

const queued = (messageId: string, requestId = messageId, receiveCount = 1): QueuedRequest<string> => ({
  messageId,
  receiveCount,
  request: { id: requestId, type: 'lookup', payload: requestId },
});

const settle = (outcomes: Map<string, Promise<unknown>>) =>
  Promise.all(
    [...outcomes].map(([id, outcome]) =>
      outcome.then(
        (value) => [id, value],
        (error: unknown) => [id, `retry: ${(error as { code?: string }).code}`],
      ),
    ),
  ).then(Object.fromEntries);

describe('answering the requests of one queue batch', () => {
  it('answers every request in one call and writes each result under its request id', async () => {
    const { answer, calls, results } = setup();
    const outcomes = await answer([queued('m1', 'a'), queued('m2', 'b'), queued('m3', 'c')]);
    expect(await settle(outcomes)).toEqual({ m1: 'answered', m2: 'answered', m3: 'answered' });
    expect(calls).toEqual([['a', 'b', 'c']]);
    expect(await results.get('b')).toEqual({
      requestId: 'b',
      status: 'succeeded',
      result: 'B',
      attempts: 1,
      completedAt: new Date(NOW).toISOString(),
      expiresAt: NOW / 1000 + 86_400,
    });
  });

  it('does not ask again for a request an earlier delivery answered', async () => {
    const { answer, calls } = setup();
    await settle(await answer([queued('m1', 'a')]));
    const outcomes = await answer([queued('m1-again', 'a'), queued('m2', 'b')]);
    expect(await settle(outcomes)).toEqual({ 'm1-again': 'already-answered', m2: 'answered' });
    expect(calls).toEqual([['a'], ['b']]);
  });

  it('lets two messages of one request share its call', async () => {
    const { answer, calls } = setup();
    const outcomes = await answer([queued('m1', 'a'), queued('m2', 'a')]);
    expect(await settle(outcomes)).toEqual({ m1: 'answered', m2: 'answered' });
    expect(calls).toEqual([['a']]);
  });

  it('sends back only the request that failed transiently before its last receive', async () => {
    const busy = new CmdbError('CMDB_BUSY', 'item locked', { transient: true });
    const { answer, results, deadLettered } = setup(
      async (batch) => new Map(batch.requests.map((r) => [r.id, r.id === 'b' ? failItem(busy) : r.payload])),
    );
    const outcomes = await answer([queued('m1', 'a'), queued('m2', 'b'), queued('m3', 'c')]);
    expect(await settle(outcomes)).toEqual({ m1: 'answered', m2: 'retry: CMDB_BUSY', m3: 'answered' });
    expect(await results.get('b')).toBeUndefined();
    expect(deadLettered).toEqual([]);
  });

  it('dead-letters a request still failing on its last receive and records the cause for its requester', async () => {
    const { answer, results, deadLettered } = setup(async () => {
      throw new CmdbError('CMDB_BUSY', 'cmdb answered 503', { transient: true });
    });
    const outcomes = await answer([queued('m1', 'a', 3), queued('m2', 'b', 1)]);
    expect(await settle(outcomes)).toEqual({ m1: 'dead-lettered', m2: 'retry: BATCH_FAILED' });
    expect(deadLettered).toEqual([{ messageId: 'm1', code: 'BATCH_FAILED' }]);
    expect(await results.get('a')).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: { code: 'BATCH_FAILED', message: expect.stringContaining('cmdb answered 503') },
    });
  });

  it('dead-letters at once a request that failed for good, such as one the call left unanswered', async () => {
    const { answer, results, deadLettered } = setup(async () => new Map([['a', 'A']]));
    const outcomes = await answer([queued('m1', 'a'), queued('m2', 'b')]);
    expect(await settle(outcomes)).toEqual({ m1: 'answered', m2: 'dead-lettered' });
    expect(deadLettered).toEqual([{ messageId: 'm2', code: 'BATCH_RESULT_MISSING' }]);
    expect(await results.get('b')).toMatchObject({
      status: 'failed',
      error: { code: 'BATCH_RESULT_MISSING' },
    });
  });

  it('retries a request again after a redrive even though its failure was recorded', async () => {
    let fail = true;
    const { answer } = setup(async (batch) => {
      if (fail) throw new CmdbError('CMDB_DOWN', 'down');
      return new Map(batch.requests.map((r) => [r.id, 'ok']));
    });
    expect(await settle(await answer([queued('m1', 'a')]))).toEqual({ m1: 'dead-lettered' });
    fail = false;
    expect(await settle(await answer([queued('m1-redriven', 'a')]))).toEqual({ 'm1-redriven': 'answered' });
  });

  it('sends a message back when the results table cannot be read, without calling for it', async () => {
    const { answer, results, calls } = setup();
    const down = new CmdbError('STORE_UNAVAILABLE', 'throttled', { transient: true });
    const get = results.get.bind(results);
    results.get = async (key) => (key === 'a' ? Promise.reject(down) : get(key));
    const outcomes = await answer([queued('m1', 'a'), queued('m2', 'b')]);
    expect(await settle(outcomes)).toEqual({ m1: 'retry: STORE_UNAVAILABLE', m2: 'answered' });
    expect(calls).toEqual([['b']]);
  });
});
