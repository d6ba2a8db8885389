import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { describe, expect, it, vi } from 'vitest';
import { powertoolsLogger } from '../../../../lambdas/runtime/lambda/powertools-logger.js';
import { cacheKey } from '../../../../lambdas/stores/cache/cache-key.js';
import { CACHE_LAYER_FAILURE_METRIC } from '../../../../lambdas/stores/cache/cache-metrics.js';
import { LruCacheLayer } from '../../../../lambdas/stores/cache/in-memory/lru-cache-layer.js';
import { LayeredCache } from '../../../../lambdas/stores/cache/layered-cache.js';
import { DownLayer, observability } from '../../../support/cache-test-doubles.js';
import { ManualClock } from '../../../support/manual-clock.js';

/** L1 in memory over an L2 that is down (as DynamoDB during an outage or throttling). */
const l2Down = () => {
  const clock = new ManualClock();
  const l1 = new LruCacheLayer({ name: 'l1', clock });
  const l2 = new DownLayer('l2');
  const { logger, metrics } = observability();
  const cache = new LayeredCache({
    layers: [
      { layer: l1, ttlSeconds: 10 },
      { layer: l2, ttlSeconds: 100 },
    ],
    logger,
    metrics,
    clock,
  });
  return { l1, l2, cache, logger, metrics };
};

describe('LayeredCache with a failing layer', () => {
  it('skips a layer whose get fails, with a warning and a metric, and reports a miss', async () => {
    const { cache, l2, logger, metrics } = l2Down();
    expect(await cache.get('users', '1')).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith('Cache layer failed; skipping it', {
      layer: 'l2',
      operation: 'get',
      cacheKey: 'users:1',
      error: l2.failure,
    });
    expect(metrics.addMetric).toHaveBeenCalledWith(CACHE_LAYER_FAILURE_METRIC, 'Count', 1);
    expect(cache.stats().layers).toEqual([
      { layer: 'l1', hits: 0, misses: 1, failures: 0 },
      { layer: 'l2', hits: 0, misses: 0, failures: 1 },
    ]);
  });

  it('still writes the healthy layer when another fails on set', async () => {
    const { cache, l1, logger, metrics } = l2Down();
    await cache.set('users', '1', 'cached in l1');
    expect((await l1.get(cacheKey('users', '1')))?.value).toBe('cached in l1');
    expect(await cache.get('users', '1')).toBe('cached in l1');
    expect(logger.warn).toHaveBeenCalledWith(
      'Cache layer failed; skipping it',
      expect.objectContaining({ operation: 'set' }),
    );
    expect(metrics.addMetric).toHaveBeenCalledTimes(1);
  });

  it('still deletes from the healthy layer when another fails on delete', async () => {
    const { cache, l1, logger } = l2Down();
    await l1.set(cacheKey('users', '1'), 'v', 10);
    await cache.delete('users', '1');
    expect(await l1.get(cacheKey('users', '1'))).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      'Cache layer failed; skipping it',
      expect.objectContaining({ operation: 'delete' }),
    );
  });

  it('serves getOrLoad from the loader when every layer is down', async () => {
    const { logger, metrics } = observability();
    const cache = new LayeredCache({
      layers: [{ layer: new DownLayer(), ttlSeconds: 10 }],
      logger,
      metrics,
    });
    expect(await cache.getOrLoad('users', '1', () => ({ id: 1 }))).toEqual({ id: 1 });
    // One failure reading, one writing the loaded value back.
    expect(metrics.addMetric).toHaveBeenCalledTimes(2);
    expect(cache.stats().layers[0]).toEqual({ layer: 'down', hits: 0, misses: 0, failures: 2 });
  });

  it('logs through a Powertools Logger behind powertoolsLogger and counts with Powertools Metrics', async () => {
    const logger = new Logger({ serviceName: 'cache-test', logLevel: 'SILENT' });
    const metrics = new Metrics({ namespace: 'agentbridge', serviceName: 'cache-test' });
    const warn = vi.spyOn(logger, 'warn');
    const addMetric = vi.spyOn(metrics, 'addMetric');
    const cache = new LayeredCache({
      layers: [{ layer: new DownLayer(), ttlSeconds: 10 }],
      logger: powertoolsLogger(logger),
      metrics,
    });
    await cache.get('users', '1');
    expect(warn).toHaveBeenCalledWith(
      'Cache layer failed; skipping it',
      expect.objectContaining({ layer: 'down' }),
    );
    expect(addMetric).toHaveBeenCalledWith(CACHE_LAYER_FAILURE_METRIC, 'Count', 1);
    metrics.clearMetrics();
  });
});
