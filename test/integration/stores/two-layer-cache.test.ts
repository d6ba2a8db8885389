import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CACHE_TABLE } from '../../../lambdas/contracts/tables/cache-table.js';
import { CACHE_LAYER_FAILURE_METRIC } from '../../../lambdas/stores/cache/cache-metrics.js';
import { createTwoLayerCache } from '../../../lambdas/stores/cache/two-layer-cache.js';
import { observability } from '../../support/cache-test-doubles.js';
import { testDynamoClients } from '../../support/dynamodb.js';
import { ManualClock } from '../../support/manual-clock.js';

const { documentClient } = testDynamoClients();
const namespace = (): string => `two-${randomUUID().slice(0, 13)}`;

/** One Lambda container's cache: its own L1, the shared L2 table. */
const container = (clock: ManualClock, tableName = CACHE_TABLE.localName) => {
  const { logger, metrics } = observability();
  const cache = createTwoLayerCache({
    documentClient,
    tableName,
    logger,
    metrics,
    clock,
    l1: { maxEntries: 100, ttlSeconds: 30 },
    l2: { ttlSeconds: 600 },
  });
  return { cache, logger, metrics };
};

describe('createTwoLayerCache on DynamoDB Local', () => {
  it('shares values between containers through L2 and promotes them into the reader’s L1', async () => {
    const clock = new ManualClock();
    const writer = container(clock).cache;
    const reader = container(clock).cache;
    const ns = namespace();
    await writer.set(ns, 'order-1', { status: 'paid' });
    expect(await reader.get(ns, 'order-1')).toEqual({ status: 'paid' });
    expect(await reader.get(ns, 'order-1')).toEqual({ status: 'paid' });
    expect(reader.stats().layers).toEqual([
      { layer: 'l1-memory', hits: 1, misses: 1, failures: 0 },
      { layer: 'l2-dynamodb', hits: 1, misses: 0, failures: 0 },
    ]);
  });

  it('lets another container serve its L1 copy after a delete until the L1 TTL ends', async () => {
    const clock = new ManualClock();
    const a = container(clock).cache;
    const b = container(clock).cache;
    const ns = namespace();
    await a.set(ns, 'k', 'v1');
    await b.get(ns, 'k');
    await a.delete(ns, 'k');
    expect(await b.get(ns, 'k')).toBe('v1');
    clock.advanceSeconds(30);
    expect(await b.get(ns, 'k')).toBeUndefined();
  });

  it('degrades to L1 alone when the table is unavailable, warning and counting each failure', async () => {
    const clock = new ManualClock();
    const { cache, logger, metrics } = container(clock, `missing-${randomUUID()}`);
    const ns = namespace();
    expect(await cache.getOrLoad(ns, 'k', async () => 'loaded')).toBe('loaded');
    expect(await cache.get(ns, 'k')).toBe('loaded');
    expect(logger.warn).toHaveBeenCalledWith(
      'Cache layer failed; skipping it',
      expect.objectContaining({ layer: 'l2-dynamodb', operation: 'get' }),
    );
    expect(metrics.addMetric).toHaveBeenCalledWith(CACHE_LAYER_FAILURE_METRIC, 'Count', 1);
    expect(cache.stats().layers[1]).toMatchObject({ layer: 'l2-dynamodb', failures: 2 });
  });
});
