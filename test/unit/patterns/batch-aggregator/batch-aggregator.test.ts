import { describe, expect, it } from 'vitest';
import { AgentbridgeError } from '../../../../lambdas/contracts/agentbridge-error.js';
import {
  type Aggregator,
  BatchAggregator,
  type BatchAggregatorOptions,
  type BatchRequest,
  type BatchTimers,
  failItem,
  type ItemFailure,
} from '../../../../lambdas/patterns/batch-aggregator/batch-aggregator.js';

class CmdbError extends AgentbridgeError {
  override readonly name = 'CmdbError';
}

/** Timers fired by hand: a batch's window ends when the test says so. */
class ManualTimers implements BatchTimers {
  readonly armed = new Map<number, { callback: () => void; ms: number }>();
  #next = 0;

  set(callback: () => void, ms: number): number {
    this.#next += 1;
    this.armed.set(this.#next, { callback, ms });
    return this.#next;
  }

  clear(handle: unknown): void {
    this.armed.delete(handle as number);
  }

  fireAll(): void {
    const due = [...this.armed.values()];
    this.armed.clear();
    for (const { callback } of due) callback();
  }
}

type Lookup = { readonly service: string };

/** An aggregator answering each request with its service upper-cased, recording every call it gets. */
const recording = () => {
  const calls: string[][] = [];
  const aggregator: Aggregator<Lookup, string> = async (batch) => {
    calls.push(batch.requests.map((request) => request.id));
    return new Map(batch.requests.map((request) => [request.id, request.payload.service.toUpperCase()]));
  };
  return { calls, aggregator };
};

const setup = (options: Partial<BatchAggregatorOptions<Lookup, string>> = {}) => {
  const timers = new ManualTimers();
  const { calls, aggregator } = recording();
  const batcher = new BatchAggregator<Lookup, string>({
    name: 'cmdb',
    maxSize: 3,
    windowMs: 100,
    aggregators: { database_query: aggregator },
    timers,
    ...options,
  });
  return { timers, calls, batcher };
};

const lookup = (id: string, service = id, extra: Partial<BatchRequest<Lookup>> = {}) => ({
  id,
  type: 'database_query',
  priority: 'normal',
  target: 'cmdb',
  payload: { service },
  ...extra,
});

const settled = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

describe('a batch aggregator grouping requests by key', () => {
  it('flushes a batch as soon as it holds maxSize requests, answering each with its own result', async () => {
    const { batcher, calls, timers } = setup();
    const results = ['a', 'b', 'c'].map((id) => batcher.submit(lookup(id)));
    expect(await Promise.all(results)).toEqual(['A', 'B', 'C']);
    expect(calls).toEqual([['a', 'b', 'c']]);
    // The full batch's window timer is cleared: nothing fires later.
    expect(timers.armed.size).toBe(0);
  });

  it('flushes a batch that is not full when its window ends', async () => {
    const { batcher, calls, timers } = setup();
    const results = [batcher.submit(lookup('a')), batcher.submit(lookup('b'))];
    await Promise.resolve();
    expect(calls).toEqual([]);
    expect([...timers.armed.values()].map((timer) => timer.ms)).toEqual([100]);
    timers.fireAll();
    expect(await Promise.all(results)).toEqual(['A', 'B']);
    expect(calls).toEqual([['a', 'b']]);
    expect(batcher.stats()).toMatchObject({ timedFlushes: 1, fullFlushes: 0 });
  });

  it('keeps requests of another type, priority or target in batches of their own', async () => {
    const { calls: own, aggregator } = recording();
    const mixed = setup({ aggregators: { database_query: aggregator, default: aggregator } }).batcher;
    const results = [
      mixed.submit(lookup('a')),
      mixed.submit(lookup('b', 'b', { priority: 'urgent' })),
      mixed.submit(lookup('c', 'c', { target: 'metrics' })),
      mixed.submit(lookup('d', 'd', { type: 'api_call' })),
      mixed.submit(lookup('e')),
    ];
    await mixed.flush();
    expect(await Promise.all(results)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(own).toEqual([['a', 'e'], ['b'], ['c'], ['d']]);
  });

  it('sends a request arriving while its batch is answered in the next batch', async () => {
    const timers = new ManualTimers();
    const calls: string[][] = [];
    let release: () => void = () => undefined;
    const batcher = new BatchAggregator<Lookup, string>({
      name: 'cmdb',
      maxSize: 2,
      windowMs: 100,
      timers,
      aggregators: {
        database_query: async (batch) => {
          calls.push(batch.requests.map((request) => request.id));
          if (calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
          return new Map(batch.requests.map((request) => [request.id, request.id]));
        },
      },
    });
    const first = [batcher.submit(lookup('a')), batcher.submit(lookup('b'))];
    const late = batcher.submit(lookup('c'));
    expect(batcher.stats().pending).toBe(1);
    release();
    expect(await Promise.all(first)).toEqual(['a', 'b']);
    await batcher.flush();
    expect(await late).toBe('c');
    expect(calls).toEqual([['a', 'b'], ['c']]);
  });

  it('fails every waiter with the batch cause when the call fails', async () => {
    const cause = new CmdbError('CMDB_UNAVAILABLE', 'cmdb answered 503', { transient: true });
    const { batcher } = setup({
      aggregators: {
        database_query: async () => {
          throw cause;
        },
      },
    });
    const outcomes = await Promise.all(['a', 'b', 'c'].map((id) => settled(batcher.submit(lookup(id)))));
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({
        ok: false,
        error: { name: 'BatchFailedError', code: 'BATCH_FAILED', batchSize: 3, transient: true, cause },
      });
    }
    expect(batcher.stats()).toMatchObject({ failedBatches: 1, failedRequests: 3 });
  });

  it('fails only the request its result is missing for, saying which', async () => {
    const { batcher } = setup({
      aggregators: { database_query: async () => new Map([['a', 'A']]) },
    });
    const outcomes = Promise.all([
      settled(batcher.submit(lookup('a'))),
      settled(batcher.submit(lookup('b'))),
    ]);
    await batcher.flush();
    const [a, b] = await outcomes;
    expect(a).toEqual({ ok: true, value: 'A' });
    expect(b).toMatchObject({
      ok: false,
      error: { code: 'BATCH_RESULT_MISSING', requestId: 'b', message: expect.stringContaining('request b') },
    });
  });

  it("fails a request the call marked as failed with that request's own error", async () => {
    const own = new CmdbError('ITEM_LOCKED', 'configuration item is being edited', { transient: true });
    const { batcher } = setup({
      maxSize: 2,
      aggregators: {
        database_query: async () =>
          new Map<string, string | ItemFailure>([
            ['a', 'A'],
            ['b', failItem(own)],
          ]),
      },
    });
    const outcomes = await Promise.all(['a', 'b'].map((id) => settled(batcher.submit(lookup(id)))));
    expect(outcomes).toEqual([
      { ok: true, value: 'A' },
      { ok: false, error: own },
    ]);
    expect(batcher.stats().failedRequests).toBe(1);
  });

  it('falls back to the default aggregator, and refuses a type without one', async () => {
    const { aggregator, calls } = recording();
    const withDefault = setup({ aggregators: { default: aggregator } }).batcher;
    const answered = withDefault.submit(lookup('a', 'a', { type: 'computation' }));
    await withDefault.flush();
    expect(await answered).toBe('A');
    expect(calls).toEqual([['a']]);

    const { batcher } = setup();
    await expect(batcher.submit(lookup('x', 'x', { type: 'computation' }))).rejects.toMatchObject({
      name: 'BatchRequestRefusedError',
      code: 'NO_AGGREGATOR',
    });
    expect(batcher.stats().requests).toBe(0);
  });

  it('refuses a request without an id and one whose id already waits in its batch', async () => {
    const { batcher } = setup();
    await expect(batcher.submit(lookup(''))).rejects.toMatchObject({ code: 'INVALID_BATCH_REQUEST' });
    const first = batcher.submit(lookup('a'));
    await expect(batcher.submit(lookup('a'))).rejects.toMatchObject({ code: 'DUPLICATE_BATCH_REQUEST' });
    await batcher.flush();
    expect(await first).toBe('A');
  });

  it('counts requests, batches and the calls batching saved', async () => {
    const { batcher } = setup();
    const results = ['a', 'b', 'c', 'd', 'e'].map((id) => batcher.submit(lookup(id)));
    expect(batcher.stats()).toMatchObject({ requests: 5, batches: 1, pending: 2 });
    await batcher.flush();
    await Promise.all(results);
    expect(batcher.stats()).toEqual({
      requests: 5,
      batches: 2,
      callsSaved: 3,
      fullFlushes: 1,
      timedFlushes: 0,
      failedBatches: 0,
      failedRequests: 0,
      pending: 0,
    });
  });

  it('meters each batch size under its aggregator and request type', async () => {
    const metrics: { name: string; value: number; dimensions: Record<string, string> }[] = [];
    const { batcher } = setup({
      metrics: {
        singleMetric: () => {
          const dimensions: Record<string, string> = {};
          return {
            addDimension: (name, value) => {
              dimensions[name] = value;
            },
            addMetric: (name, _unit, value) => void metrics.push({ name, value, dimensions }),
          };
        },
      },
    });
    await Promise.all(['a', 'b', 'c'].map((id) => batcher.submit(lookup(id))));
    expect(metrics).toEqual([
      { name: 'BatchSize', value: 3, dimensions: { BatchAggregator: 'cmdb', RequestType: 'database_query' } },
    ]);
  });

  it.each([
    [{ maxSize: 0 }, 'maxSize'],
    [{ maxSize: 2.5 }, 'maxSize'],
    [{ windowMs: -1 }, 'windowMs'],
    [{ windowMs: Number.POSITIVE_INFINITY }, 'windowMs'],
    [{ aggregators: {} }, 'aggregator'],
  ])('refuses options that cannot work: %o', (options, problem) => {
    expect(() => setup(options)).toThrow(expect.objectContaining({ code: 'INVALID_BATCH_OPTIONS' }));
    expect(() => setup(options)).toThrow(problem);
  });
});
