import type { CacheKey } from './cache-key.js';
import type { JsonValue } from './json-value.js';

/** What a layer returns on a hit: a fresh copy of the value and when it stops being served. */
export interface CacheEntry {
  readonly value: JsonValue;
  /** Epoch milliseconds; the entry is served while `clock.now() < expiresAtMs`. */
  readonly expiresAtMs: number;
}

/**
 * One storage layer of the cache (in-memory LRU, DynamoDB, ...). Contract, checked by one conformance
 * suite for every implementation:
 * - `get` returns a hit only while `now < expiresAtMs` (an expired entry is a miss even if still stored)
 *   and returns a copy: mutating it never changes what the layer holds;
 * - `set` stores `value` for `ttlSeconds` (positive, finite, fractions allowed), replacing any entry;
 *   a value that is not JSON-serialisable or larger than `maxValueBytes` is refused with a typed error
 *   and nothing is stored;
 * - `delete` removes the entry; deleting a missing key is not an error;
 * - an infrastructure failure rejects with `CacheLayerError`.
 *
 * @example
 * ```ts
 * const key = cacheKey('prices', 'sku-42');
 * await layer.set(key, { cents: 1999 }, 60);
 * const entry = await layer.get(key); // { value: { cents: 1999 }, expiresAtMs: … }
 * ```
 */
export interface CacheLayer {
  /** Unique within one cache; names the layer in stats, logs and metrics. */
  readonly name: string;
  /** UTF-8 bytes of the largest JSON value the layer accepts; absent when it has no limit. */
  readonly maxValueBytes?: number;
  get(key: CacheKey): Promise<CacheEntry | undefined>;
  set(key: CacheKey, value: unknown, ttlSeconds: number): Promise<void>;
  delete(key: CacheKey): Promise<void>;
}
