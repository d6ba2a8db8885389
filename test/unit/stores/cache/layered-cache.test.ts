import { describe, expect, it } from 'vitest';
import {
  CacheConfigurationError,
  CacheValueNotSerializableError,
  CacheValueTooLargeError,
  InvalidCacheKeyError,
  InvalidCacheTtlError,
} from '../../../../lambdas/stores/cache/cache-error.js';
import { cacheKey } from '../../../../lambdas/stores/cache/cache-key.js';
import { LruCacheLayer } from '../../../../lambdas/stores/cache/in-memory/lru-cache-layer.js';
import { MapCacheLayer } from '../../../../lambdas/stores/cache/in-memory/map-cache-layer.js';
import { LayeredCache } from '../../../../lambdas/stores/cache/layered-cache.js';
import { DownLayer, GatedLayer, observability } from '../../../support/cache-test-doubles.js';
import { ManualClock } from '../../../support/manual-clock.js';

const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => new Error('expected a rejection'),
    (reason: unknown) => reason,
  );

/** L1 (LRU, 10 s) over L2 (map, 100 s), one clock, spies for logger and metrics. */
const twoLayers = () => {
  const clock = new ManualClock();
  const l1 = new LruCacheLayer({ name: 'l1', clock });
  const l2 = new MapCacheLayer({ name: 'l2', clock });
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
  return { clock, l1, l2, cache, logger, metrics };
};

describe('LayeredCache', () => {
  it('misses in every layer for a key never written, counting a miss per layer', async () => {
    const { cache } = twoLayers();
    expect(await cache.get('users', '1')).toBeUndefined();
    expect(cache.stats().layers).toEqual([
      { layer: 'l1', hits: 0, misses: 1, failures: 0 },
      { layer: 'l2', hits: 0, misses: 1, failures: 0 },
    ]);
  });

  it('writes every layer with its own TTL, so L1 forgets first and L2 still answers', async () => {
    const { cache, clock, l1, l2 } = twoLayers();
    await cache.set('users', '1', { name: 'Ada' });
    const key = cacheKey('users', '1');
    expect((await l1.get(key))?.expiresAtMs).toBe(clock.now() + 10_000);
    expect((await l2.get(key))?.expiresAtMs).toBe(clock.now() + 100_000);
    clock.advanceSeconds(11);
    expect(await cache.get('users', '1')).toEqual({ name: 'Ada' });
    expect(cache.stats().layers.map(({ hits, misses }) => [hits, misses])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('caps every layer TTL by the ttlSeconds option', async () => {
    const { cache, clock, l1, l2 } = twoLayers();
    await cache.set('users', '1', 'short-lived', { ttlSeconds: 5 });
    const key = cacheKey('users', '1');
    expect((await l1.get(key))?.expiresAtMs).toBe(clock.now() + 5_000);
    expect((await l2.get(key))?.expiresAtMs).toBe(clock.now() + 5_000);
  });

  it('promotes an L2 hit to L1, then answers from L1', async () => {
    const { cache, clock, l1, l2 } = twoLayers();
    const key = cacheKey('users', '1');
    await l2.set(key, 'from l2', 100);
    expect(await cache.get('users', '1')).toBe('from l2');
    expect((await l1.get(key))?.expiresAtMs).toBe(clock.now() + 10_000);
    expect(await cache.get('users', '1')).toBe('from l2');
    expect(cache.stats().layers).toEqual([
      { layer: 'l1', hits: 1, misses: 1, failures: 0 },
      { layer: 'l2', hits: 1, misses: 0, failures: 0 },
    ]);
  });

  it('gives a promoted entry only what is left of its L2 life when that is shorter than the L1 TTL', async () => {
    const { cache, clock, l1, l2 } = twoLayers();
    const key = cacheKey('users', '1');
    await l2.set(key, 'nearly stale', 100);
    clock.advanceSeconds(97);
    await cache.get('users', '1');
    expect((await l1.get(key))?.expiresAtMs).toBe(clock.now() + 3_000);
    clock.advanceSeconds(3);
    expect(await cache.get('users', '1')).toBeUndefined();
  });

  it('does not promote a value read while a delete ran, so the delete is not undone in L1', async () => {
    const clock = new ManualClock();
    const l1 = new MapCacheLayer({ name: 'l1', clock });
    const l2 = new GatedLayer(new MapCacheLayer({ name: 'l2', clock }));
    const cache = new LayeredCache({
      layers: [
        { layer: l1, ttlSeconds: 10 },
        { layer: l2, ttlSeconds: 100 },
      ],
      ...observability(),
      clock,
    });
    await l2.set(cacheKey('users', '1'), 'old', 100);
    const readDone = l2.holdNextGet();
    const read = cache.get('users', '1');
    await readDone;
    await cache.delete('users', '1');
    l2.release();
    expect(await read).toBe('old');
    expect(await l1.get(cacheKey('users', '1'))).toBeUndefined();
    expect(await cache.get('users', '1')).toBeUndefined();
  });

  it('deletes from every layer', async () => {
    const { cache, l1, l2 } = twoLayers();
    await cache.set('users', '1', 'v');
    await cache.delete('users', '1');
    expect(await l1.get(cacheKey('users', '1'))).toBeUndefined();
    expect(await l2.get(cacheKey('users', '1'))).toBeUndefined();
  });

  it('caches null as a value, distinct from a miss', async () => {
    const { cache } = twoLayers();
    await cache.set('users', 'ghost', null);
    expect(await cache.get('users', 'ghost')).toBeNull();
  });

  it.each([
    ['', 'k'],
    ['a:b', 'k'],
    ['n'.repeat(65), 'k'],
    ['ns', ''],
    ['ns', 'k'.repeat(1025)],
    ['ns', '\ud800'],
  ])('refuses the namespace %j with key %j before touching a layer', async (namespace, key) => {
    const down = new DownLayer();
    const { logger, metrics } = observability();
    const cache = new LayeredCache({ layers: [{ layer: down, ttlSeconds: 1 }], logger, metrics });
    for (const call of [
      () => cache.get(namespace, key),
      () => cache.set(namespace, key, 1),
      () => cache.delete(namespace, key),
      () => cache.getOrLoad(namespace, key, () => 1),
    ]) {
      expect(await rejectionOf(call())).toBeInstanceOf(InvalidCacheKeyError);
    }
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('refuses a value that is not JSON before writing any layer, keeping the previous one', async () => {
    const { cache, l1, l2 } = twoLayers();
    await cache.set('users', '1', 'kept');
    const error = await rejectionOf(cache.set('users', '1', { joined: new Date() }));
    expect(error).toBeInstanceOf(CacheValueNotSerializableError);
    expect(error).toMatchObject({ path: '$.joined' });
    expect((await l1.get(cacheKey('users', '1')))?.value).toBe('kept');
    expect((await l2.get(cacheKey('users', '1')))?.value).toBe('kept');
  });

  it('checks the size against the strictest layer before writing any layer', async () => {
    const clock = new ManualClock();
    const roomy = new MapCacheLayer({ name: 'roomy', clock });
    const tight = new MapCacheLayer({ name: 'tight', clock, maxValueBytes: 10 });
    const cache = new LayeredCache({
      layers: [
        { layer: roomy, ttlSeconds: 10 },
        { layer: tight, ttlSeconds: 10 },
      ],
      ...observability(),
      clock,
    });
    expect(await rejectionOf(cache.set('n', 'k', 'far too long'))).toBeInstanceOf(CacheValueTooLargeError);
    expect(await roomy.get(cacheKey('n', 'k'))).toBeUndefined();
  });

  it('refuses an invalid ttlSeconds option', async () => {
    const { cache } = twoLayers();
    expect(await rejectionOf(cache.set('n', 'k', 1, { ttlSeconds: 0 }))).toBeInstanceOf(InvalidCacheTtlError);
  });

  it.each([
    ['no layers', () => []],
    ['two layers of one name', () => [new MapCacheLayer({ name: 'x' }), new MapCacheLayer({ name: 'x' })]],
  ])('refuses a configuration with %s', (_label, makeLayers) => {
    const build = () =>
      new LayeredCache({
        layers: makeLayers().map((layer) => ({ layer, ttlSeconds: 1 })),
        ...observability(),
      });
    expect(build).toThrow(CacheConfigurationError);
  });

  it('refuses a layer TTL that is not positive', () => {
    const build = () =>
      new LayeredCache({ layers: [{ layer: new MapCacheLayer(), ttlSeconds: -5 }], ...observability() });
    expect(build).toThrow(expect.objectContaining({ code: 'INVALID_CACHE_TTL', ttlSeconds: -5 }));
  });

  it('hands out copies: mutating a value read does not change the next read', async () => {
    const { cache } = twoLayers();
    await cache.set('users', '1', { tags: ['a'] });
    const first = await cache.get<{ tags: string[] }>('users', '1');
    first?.tags.push('b');
    expect(await cache.get('users', '1')).toEqual({ tags: ['a'] });
  });
});
