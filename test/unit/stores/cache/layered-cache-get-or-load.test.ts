import { describe, expect, it, vi } from 'vitest';
import { CacheValueNotSerializableError } from '../../../../lambdas/stores/cache/cache-error.js';
import { cacheKey } from '../../../../lambdas/stores/cache/cache-key.js';
import { LruCacheLayer } from '../../../../lambdas/stores/cache/in-memory/lru-cache-layer.js';
import { MapCacheLayer } from '../../../../lambdas/stores/cache/in-memory/map-cache-layer.js';
import { LayeredCache } from '../../../../lambdas/stores/cache/layered-cache.js';
import { observability } from '../../../support/cache-test-doubles.js';
import { ManualClock } from '../../../support/manual-clock.js';

const build = () => {
  const clock = new ManualClock();
  const l1 = new LruCacheLayer({ name: 'l1', clock });
  const l2 = new MapCacheLayer({ name: 'l2', clock });
  const cache = new LayeredCache({
    layers: [
      { layer: l1, ttlSeconds: 10 },
      { layer: l2, ttlSeconds: 100 },
    ],
    ...observability(),
    clock,
  });
  return { clock, l1, l2, cache };
};

/** A loader the test settles by hand, counting its calls. */
const manualLoader = <T>() => {
  let settle: { resolve: (value: T) => void; reject: (error: unknown) => void } | undefined;
  const loader = vi.fn(
    () =>
      new Promise<T>((resolve, reject) => {
        settle = { resolve, reject };
      }),
  );
  const loaded = async (): Promise<NonNullable<typeof settle>> => {
    await vi.waitFor(() => expect(settle).toBeDefined());
    if (settle === undefined) throw new Error('loader never called');
    return settle;
  };
  return { loader, loaded };
};

describe('LayeredCache.getOrLoad', () => {
  it('loads a missing value once, caches it in every layer and serves it after', async () => {
    const { cache, l1, l2 } = build();
    const loader = vi.fn(async () => ({ price: 1999 }));
    expect(await cache.getOrLoad('prices', 'sku-1', loader)).toEqual({ price: 1999 });
    expect(await cache.getOrLoad('prices', 'sku-1', loader)).toEqual({ price: 1999 });
    expect(loader).toHaveBeenCalledTimes(1);
    expect((await l1.get(cacheKey('prices', 'sku-1')))?.value).toEqual({ price: 1999 });
    expect((await l2.get(cacheKey('prices', 'sku-1')))?.value).toEqual({ price: 1999 });
    expect(cache.stats().loads).toBe(1);
  });

  it('coalesces concurrent misses for one key into one load, each caller getting its own copy', async () => {
    const { cache } = build();
    const { loader, loaded } = manualLoader<{ n: number }>();
    const callers = Array.from({ length: 5 }, () => cache.getOrLoad('prices', 'sku-1', loader));
    (await loaded()).resolve({ n: 1 });
    const results = await Promise.all(callers);
    expect(loader).toHaveBeenCalledTimes(1);
    expect(results).toEqual(Array.from({ length: 5 }, () => ({ n: 1 })));
    expect(new Set(results).size).toBe(5);
    expect(cache.stats()).toMatchObject({ loads: 1, coalesced: 4 });
  });

  it('does not coalesce different keys', async () => {
    const { cache } = build();
    const loader = vi.fn(async () => 'v');
    await Promise.all([cache.getOrLoad('prices', 'a', loader), cache.getOrLoad('prices', 'b', loader)]);
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it('rejects every waiter when the load fails, caches nothing, and loads again next time', async () => {
    const { cache, l2 } = build();
    const { loader, loaded } = manualLoader<string>();
    const callers = Array.from({ length: 3 }, () =>
      cache.getOrLoad('prices', 'sku-1', loader).then(
        () => 'resolved',
        (error: unknown) => error,
      ),
    );
    const failure = new Error('pricing service down');
    (await loaded()).reject(failure);
    expect(await Promise.all(callers)).toEqual([failure, failure, failure]);
    expect(await l2.get(cacheKey('prices', 'sku-1'))).toBeUndefined();
    expect(await cache.getOrLoad('prices', 'sku-1', async () => 'recovered')).toBe('recovered');
  });

  it('does not call the loader on a hit', async () => {
    const { cache } = build();
    await cache.set('prices', 'sku-1', 5);
    const loader = vi.fn(async () => 6);
    expect(await cache.getOrLoad('prices', 'sku-1', loader)).toBe(5);
    expect(loader).not.toHaveBeenCalled();
  });

  it('keeps a value loaded while the key was deleted out of the layers, and starts a fresh load after', async () => {
    const { cache, l1 } = build();
    const { loader, loaded } = manualLoader<string>();
    const inFlight = cache.getOrLoad('prices', 'sku-1', loader);
    const settle = await loaded();
    await cache.delete('prices', 'sku-1');
    const fresh = cache.getOrLoad('prices', 'sku-1', async () => 'after delete');
    settle.resolve('before delete');
    expect(await inFlight).toBe('before delete');
    expect(await fresh).toBe('after delete');
    expect((await l1.get(cacheKey('prices', 'sku-1')))?.value).toBe('after delete');
  });

  it('caps the cached lifetime with the ttlSeconds option', async () => {
    const { cache, clock, l2 } = build();
    await cache.getOrLoad('prices', 'sku-1', async () => 1, { ttlSeconds: 3 });
    expect((await l2.get(cacheKey('prices', 'sku-1')))?.expiresAtMs).toBe(clock.now() + 3_000);
  });

  it('rejects a loaded value that is not JSON with a typed error and caches nothing', async () => {
    const { cache, l1 } = build();
    const error = await cache
      .getOrLoad('prices', 'sku-1', async () => ({ at: new Date() }))
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    expect(error).toBeInstanceOf(CacheValueNotSerializableError);
    expect(await l1.get(cacheKey('prices', 'sku-1'))).toBeUndefined();
  });
});
