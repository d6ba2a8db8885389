import { type Clock, systemClock } from '../../../contracts/clock.js';
import type { CacheKey } from '../cache-key.js';
import type { CacheEntry, CacheLayer } from '../cache-layer.js';
import { expiryAfter } from '../cache-ttl.js';
import { cloneJsonValue } from '../clone-json-value.js';
import type { JsonValue } from '../json-value.js';
import { serializeCacheValue } from '../serialize-cache-value.js';

export interface MapCacheLayerOptions {
  /** UTF-8 bytes of the largest JSON value accepted; no limit when absent (set it to mimic DynamoDB). */
  readonly maxValueBytes?: number;
  readonly clock?: Clock;
  /** Default `memory-map`. */
  readonly name?: string;
}

interface StoredEntry {
  /** A private, normalised copy (what JSON would read back); handed out only as clones. */
  readonly value: JsonValue;
  readonly expiresAtMs: number;
}

/**
 * The reference layer: a plain map with expiry and no eviction. Used as a stand-in for L2 in unit tests
 * and local runs; in a long-lived process prefer `LruCacheLayer`, which bounds memory.
 *
 * @example
 * ```ts
 * const cache = new LayeredCache({ layers: [{ layer: new MapCacheLayer(), ttlSeconds: 60 }] });
 * ```
 */
export class MapCacheLayer implements CacheLayer {
  readonly name: string;
  readonly maxValueBytes: number | undefined;
  readonly #clock: Clock;
  readonly #entries = new Map<string, StoredEntry>();

  constructor(options: MapCacheLayerOptions = {}) {
    this.name = options.name ?? 'memory-map';
    this.maxValueBytes = options.maxValueBytes;
    this.#clock = options.clock ?? systemClock;
  }

  async get(key: CacheKey): Promise<CacheEntry | undefined> {
    const stored = this.#entries.get(key);
    if (stored === undefined) return undefined;
    if (this.#clock.now() >= stored.expiresAtMs) {
      // Expired entries are dropped when read, so the map does not keep what nobody can see.
      this.#entries.delete(key);
      return undefined;
    }
    return { value: cloneJsonValue(stored.value), expiresAtMs: stored.expiresAtMs };
  }

  async set(key: CacheKey, value: unknown, ttlSeconds: number): Promise<void> {
    const expiresAtMs = expiryAfter(this.#clock.now(), ttlSeconds, `${this.name} entry`);
    const stored: JsonValue = JSON.parse(serializeCacheValue(value, this.maxValueBytes));
    this.#entries.set(key, { value: stored, expiresAtMs });
  }

  async delete(key: CacheKey): Promise<void> {
    this.#entries.delete(key);
  }
}
