import { describe, expect, it } from 'vitest';
import {
  type Batch,
  failItem,
  ItemFailure,
} from '../../../../lambdas/patterns/batch-aggregator/batch-aggregator.js';
import {
  apiCallAggregator,
  computationAggregator,
  databaseQueryAggregator,
  defaultAggregator,
} from '../../../../lambdas/patterns/batch-aggregator/reference-aggregators.js';

const batchOf = <P>(type: string, payloads: readonly P[]): Batch<P> => ({
  key: `${type}|normal|cmdb`,
  type,
  requests: payloads.map((payload, index) => ({ id: `r${index + 1}`, type, payload })),
});

describe('the reference aggregators, one call per batch', () => {
  it('queries a database once for the distinct keys and answers each request with its row', async () => {
    const queries: (readonly string[])[] = [];
    const aggregate = databaseQueryAggregator({
      keyOf: (payload: { service: string }) => payload.service,
      query: async (keys) => {
        queries.push(keys);
        return new Map(keys.filter((key) => key !== 'ghost').map((key) => [key, { owner: `${key}-team` }]));
      },
      resultOf: (row, payload) => ({ service: payload.service, ...row }),
    });
    const results = await aggregate(
      batchOf('database_query', [
        { service: 'checkout' },
        { service: 'search' },
        { service: 'checkout' },
        { service: 'ghost' },
      ]),
    );
    expect(queries).toEqual([['checkout', 'search', 'ghost']]);
    expect(Object.fromEntries(results)).toEqual({
      r1: { service: 'checkout', owner: 'checkout-team' },
      r2: { service: 'search', owner: 'search-team' },
      r3: { service: 'checkout', owner: 'checkout-team' },
    });
    // No row, no result: the aggregator reports r4 missing.
    expect(results.has('r4')).toBe(false);
  });

  it('calls a bulk API once with the payloads in order and matches its responses by position', async () => {
    const calls: (readonly number[])[] = [];
    const aggregate = apiCallAggregator({
      call: async (payloads: readonly number[]) => {
        calls.push(payloads);
        return payloads.map((value) => (value < 0 ? failItem(new Error('negative')) : value * 10));
      },
    });
    const results = await aggregate(batchOf('api_call', [1, -2, 3]));
    expect(calls).toEqual([[1, -2, 3]]);
    expect(results.get('r1')).toBe(10);
    expect(results.get('r2')).toBeInstanceOf(ItemFailure);
    expect(results.get('r3')).toBe(30);
  });

  it('refuses to match a bulk response of another length to its requests', async () => {
    const aggregate = apiCallAggregator({ call: async (payloads: readonly number[]) => payloads.slice(1) });
    await expect(aggregate(batchOf('api_call', [1, 2, 3]))).rejects.toMatchObject({
      name: 'BatchResultError',
      code: 'BATCH_RESPONSE_MISMATCH',
      message: expect.stringContaining('3 requests sent, 2 responses received'),
    });
  });

  it('computes each distinct input once and answers every request that asked for it', async () => {
    const computed: (readonly { x: number }[])[] = [];
    const aggregate = computationAggregator({
      compute: async (inputs: readonly { x: number }[]) => {
        computed.push(inputs);
        return inputs.map(({ x }) => x * x);
      },
    });
    const results = await aggregate(batchOf('computation', [{ x: 2 }, { x: 3 }, { x: 2 }]));
    expect(computed).toEqual([[{ x: 2 }, { x: 3 }]]);
    expect(Object.fromEntries(results)).toEqual({ r1: 4, r2: 9, r3: 4 });
    const short = computationAggregator({ compute: async () => [1] });
    await expect(short(batchOf('computation', [{ x: 2 }, { x: 3 }]))).rejects.toMatchObject({
      code: 'BATCH_RESPONSE_MISMATCH',
    });
  });

  it('hands the default handler the items with their type and original count', async () => {
    const seen: unknown[] = [];
    const aggregate = defaultAggregator(async (items: readonly string[], metadata) => {
      seen.push({ items, metadata });
      return items.map((item) => item.length);
    });
    const results = await aggregate(batchOf('report', ['ab', 'abc']));
    expect(seen).toEqual([{ items: ['ab', 'abc'], metadata: { type: 'report', originalCount: 2 } }]);
    expect(Object.fromEntries(results)).toEqual({ r1: 2, r2: 3 });
  });
});
