import { type Clock, systemClock } from '../../contracts/clock.js';
import type { Logger } from '../../contracts/logger.js';
import { type CacheKey, cacheKey } from './cache-key.js';
import type { CacheEntry } from './cache-layer.js';
import { CACHE_LAYER_FAILURE_METRIC, type CacheMetrics } from './cache-metrics.js';
import type { CacheStats } from './cache-stats.js';
import { ttlCapOf } from './cache-ttl.js';
import type { JsonValue } from './json-value.js';
import {
  assertLayerPolicies,
  type CacheLayerPolicy,
  type CacheSetOptions,
  type LayeredCacheOptions,
} from './layered-cache-options.js';
import { serializeCacheValue } from './serialize-cache-value.js';
import { SingleFlight } from './single-flight.js';

interface LayerSlot extends CacheLayerPolicy {
  hits: number;
  misses: number;
  failures: number;
}

/**
 * A cache over an ordered list of layers (say, in memory over DynamoDB): reads search the layers in policy order and
 * promote a hit to the faster layers; writes go to every layer with that layer's TTL; keys are
 * `namespace:key`; a failing layer is skipped with a warning and a `CacheLayerFailure` metric, so a
 * DynamoDB outage degrades to L1-only instead of failing the request. Values are returned as copies.
 *
 * @example
 * ```ts
 * const cache = new LayeredCache({
 *   layers: [{ layer: new LruCacheLayer(), ttlSeconds: 30 }, { layer: l2, ttlSeconds: 900 }],
 *   logger, metrics,
 * });
 * const price = await cache.getOrLoad('prices', sku, () => pricing.fetch(sku), { ttlSeconds: 300 });
 * ```
 */
export class LayeredCache {
  readonly #slots: readonly LayerSlot[];
  readonly #logger: Logger;
  readonly #metrics: CacheMetrics;
  readonly #clock: Clock;
  readonly #maxValueBytes: number | undefined;
  readonly #flights = new SingleFlight<CacheKey, unknown>();
  // Bumped before and after every write; a read promotes only if it saw no write start or end meanwhile,
  // so a value read just before a set/delete cannot be pushed back into L1 after it. Global, not per key:
  // a skipped promotion costs one more L2 read later, a wrong one would serve stale data.
  #writeEpoch = 0;
  #loads = 0;
  #coalesced = 0;

  constructor(options: LayeredCacheOptions) {
    assertLayerPolicies(options.layers);
    this.#slots = options.layers.map(({ layer, ttlSeconds }) => ({
      layer,
      ttlSeconds,
      hits: 0,
      misses: 0,
      failures: 0,
    }));
    const limits = options.layers.flatMap(({ layer }) =>
      layer.maxValueBytes === undefined ? [] : [layer.maxValueBytes],
    );
    this.#maxValueBytes = limits.length === 0 ? undefined : Math.min(...limits);
    this.#logger = options.logger;
    this.#metrics = options.metrics;
    this.#clock = options.clock ?? systemClock;
  }

  /** The live value, or `undefined` when no layer has one. `null` is a value that can be cached. */
  async get<T = JsonValue>(namespace: string, key: string): Promise<T | undefined> {
    const entry = await this.#lookup(cacheKey(namespace, key));
    return entry?.value as T | undefined;
  }

  /**
   * Writes to every layer (slowest first) with `min(layer TTL, options.ttlSeconds)`. The value is checked
   * once up front against the strictest layer, so bad input fails before any layer is written.
   */
  async set(namespace: string, key: string, value: unknown, options?: CacheSetOptions): Promise<void> {
    const fullKey = cacheKey(namespace, key);
    const cap = ttlCapOf(options);
    serializeCacheValue(value, this.#maxValueBytes);
    this.#flights.detach(fullKey);
    await this.#setAll(fullKey, value, cap);
  }

  /** Removes the entry from every layer. A layer that fails is skipped; its copy lives until its TTL. */
  async delete(namespace: string, key: string): Promise<void> {
    const fullKey = cacheKey(namespace, key);
    this.#flights.detach(fullKey);
    await this.#write(fullKey, (slot) => slot.layer.delete(fullKey), 'delete');
  }

  /**
   * The cached value, or the loader's result, cached and returned. Concurrent calls for one key share one
   * lookup and one load (the first caller's loader and options win); a failed load rejects every waiter
   * and caches nothing. A set or delete during the load keeps the loaded value out of the layers.
   */
  async getOrLoad<T>(
    namespace: string,
    key: string,
    loader: () => Promise<T> | T,
    options?: CacheSetOptions,
  ): Promise<T> {
    const fullKey = cacheKey(namespace, key);
    const cap = ttlCapOf(options);
    const { promise, joined } = this.#flights.run(fullKey, async (isCurrent) => {
      const hit = await this.#lookup(fullKey);
      if (hit !== undefined) return hit.value;
      this.#loads += 1;
      const value = await loader();
      serializeCacheValue(value, this.#maxValueBytes);
      if (isCurrent()) {
        await this.#setAll(fullKey, value, cap);
      }
      return value;
    });
    if (!joined) return (await promise) as T;
    this.#coalesced += 1;
    // Each waiter gets its own copy, as a cache hit would; the value was checked to be JSON above.
    return JSON.parse(JSON.stringify(await promise)) as T;
  }

  /** Hit, miss and failure counts per layer, plus loads and coalesced calls. */
  stats(): CacheStats {
    return {
      layers: this.#slots.map(({ layer, hits, misses, failures }) => ({
        layer: layer.name,
        hits,
        misses,
        failures,
      })),
      loads: this.#loads,
      coalesced: this.#coalesced,
    };
  }

  #setAll(key: CacheKey, value: unknown, cap: number): Promise<void> {
    return this.#write(key, (slot) => slot.layer.set(key, value, Math.min(slot.ttlSeconds, cap)), 'set');
  }

  async #lookup(key: CacheKey): Promise<CacheEntry | undefined> {
    const epoch = this.#writeEpoch;
    for (const [index, slot] of this.#slots.entries()) {
      let entry: CacheEntry | undefined;
      try {
        entry = await slot.layer.get(key);
      } catch (error) {
        this.#skip(slot, 'get', key, error);
        continue;
      }
      if (entry === undefined) {
        slot.misses += 1;
        continue;
      }
      slot.hits += 1;
      if (index > 0 && epoch === this.#writeEpoch) await this.#promote(key, entry, index);
      return entry;
    }
    return undefined;
  }

  // The faster layers get the entry for what is left of its life, never longer than their own TTL.
  async #promote(key: CacheKey, entry: CacheEntry, hitIndex: number): Promise<void> {
    const remainingSeconds = (entry.expiresAtMs - this.#clock.now()) / 1000;
    if (remainingSeconds <= 0) return;
    for (const slot of this.#slots.slice(0, hitIndex)) {
      try {
        await slot.layer.set(key, entry.value, Math.min(slot.ttlSeconds, remainingSeconds));
      } catch (error) {
        this.#skip(slot, 'set', key, error);
      }
    }
  }

  // Slowest layer first: a concurrent read that promotes from a slower layer mid-write is then
  // overwritten by the faster layers' write that follows.
  async #write(
    key: CacheKey,
    operation: (slot: LayerSlot) => Promise<void>,
    name: 'set' | 'delete',
  ): Promise<void> {
    this.#writeEpoch += 1;
    try {
      for (const slot of [...this.#slots].reverse()) {
        try {
          await operation(slot);
        } catch (error) {
          this.#skip(slot, name, key, error);
        }
      }
    } finally {
      this.#writeEpoch += 1;
    }
  }

  #skip(slot: LayerSlot, operation: 'get' | 'set' | 'delete', key: CacheKey, error: unknown): void {
    slot.failures += 1;
    this.#logger.warn('Cache layer failed; skipping it', {
      layer: slot.layer.name,
      operation,
      cacheKey: key,
      error,
    });
    this.#metrics.addMetric(CACHE_LAYER_FAILURE_METRIC, 'Count', 1);
  }
}
