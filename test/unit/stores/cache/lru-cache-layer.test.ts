import { describe, expect, it } from 'vitest';
import { CacheConfigurationError } from '../../../../lambdas/stores/cache/cache-error.js';
import { cacheKey } from '../../../../lambdas/stores/cache/cache-key.js';
import { LruCacheLayer } from '../../../../lambdas/stores/cache/in-memory/lru-cache-layer.js';
import { ManualClock } from '../../../support/manual-clock.js';

describe('LruCacheLayer', () => {
  it('evicts the least recently used entry beyond maxEntries', async () => {
    const layer = new LruCacheLayer({ maxEntries: 2, clock: new ManualClock() });
    await layer.set(cacheKey('n', 'a'), 'a', 60);
    await layer.set(cacheKey('n', 'b'), 'b', 60);
    await layer.get(cacheKey('n', 'a'));
    await layer.set(cacheKey('n', 'c'), 'c', 60);
    expect(await layer.get(cacheKey('n', 'b'))).toBeUndefined();
    expect((await layer.get(cacheKey('n', 'a')))?.value).toBe('a');
    expect((await layer.get(cacheKey('n', 'c')))?.value).toBe('c');
    expect(layer.size).toBe(2);
  });

  it('drops an expired entry when it is read', async () => {
    const clock = new ManualClock();
    const layer = new LruCacheLayer({ clock });
    await layer.set(cacheKey('n', 'a'), 'a', 1);
    clock.advanceSeconds(1);
    expect(await layer.get(cacheKey('n', 'a'))).toBeUndefined();
    expect(layer.size).toBe(0);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses maxEntries %s', (maxEntries) => {
    expect(() => new LruCacheLayer({ maxEntries })).toThrow(CacheConfigurationError);
  });
});
