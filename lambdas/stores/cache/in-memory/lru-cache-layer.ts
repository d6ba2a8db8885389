import { LRUCache } from 'lru-cache';
import { type Clock, systemClock } from '../../../contracts/clock.js';
import { CacheConfigurationError } from '../cache-error.js';
import type { CacheKey } from '../cache-key.js';
import type { CacheEntry, CacheLayer } from '../cache-layer.js';
import { expiryAfter } from '../cache-ttl.js';
import { cloneJsonValue } from '../clone-json-value.js';
import type { JsonValue } from '../json-value.js';
import { serializeCacheValue } from '../serialize-cache-value.js';

export interface LruCacheLayerOptions {
  /** Entries kept per container before the least recently used one is evicted. Default 1,000. */
  readonly maxEntries?: number;
  /** UTF-8 bytes of the largest JSON value accepted; no limit when absent. */
  readonly maxValueBytes?: number;
  readonly clock?: Clock;
  /** Default `l1-memory`. */
  readonly name?: string;
}

interface StoredEntry {
  /** A private, normalised copy (what JSON would read back); handed out only as clones. */
  readonly value: JsonValue;
  readonly expiresAtMs: number;
}

/**
 * L1: an in-memory LRU with a TTL per entry, living as long as the Lambda container (module scope).
 * Each entry is a private copy and every hit returns a fresh clone, so a caller mutating a returned object
 * cannot change what other callers in the container read — the same isolation DynamoDB gives.
 *
 * @example
 * ```ts
 * // module scope: one LRU per container, shared by every invocation
 * const l1 = new LruCacheLayer({ maxEntries: 5_000 });
 * ```
 */
export class LruCacheLayer implements CacheLayer {
  readonly name: string;
  readonly maxValueBytes: number | undefined;
  readonly #clock: Clock;
  readonly #entries: LRUCache<string, StoredEntry>;

  constructor(options: LruCacheLayerOptions = {}) {
    const maxEntries = options.maxEntries ?? 1000;
    if (!Number.isSafeInteger(maxEntries) || maxEntries <= 0) {
      throw new CacheConfigurationError(`LRU maxEntries must be a positive integer, got ${maxEntries}`);
    }
    this.name = options.name ?? 'l1-memory';
    this.maxValueBytes = options.maxValueBytes;
    this.#clock = options.clock ?? systemClock;
    const clock = this.#clock;
    this.#entries = new LRUCache<string, StoredEntry>({
      max: maxEntries,
      // lru-cache ages entries with the injected clock; resolution 0 reads it on every check instead of
      // caching "now" behind a timer, which would both lag a test clock and cost a timer per read.
      perf: { now: () => clock.now() },
      ttlResolution: 0,
    });
  }

  async get(key: CacheKey): Promise<CacheEntry | undefined> {
    const stored = this.#entries.get(key);
    if (stored === undefined) return undefined;
    // lru-cache treats age == ttl as fresh; the port says an entry dies AT expiresAtMs, so check exactly.
    if (this.#clock.now() >= stored.expiresAtMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return { value: cloneJsonValue(stored.value), expiresAtMs: stored.expiresAtMs };
  }

  async set(key: CacheKey, value: unknown, ttlSeconds: number): Promise<void> {
    const now = this.#clock.now();
    const expiresAtMs = expiryAfter(now, ttlSeconds, `${this.name} entry`);
    const stored: JsonValue = JSON.parse(serializeCacheValue(value, this.maxValueBytes));
    this.#entries.set(key, { value: stored, expiresAtMs }, { ttl: expiresAtMs - now, start: now });
  }

  async delete(key: CacheKey): Promise<void> {
    this.#entries.delete(key);
  }

  /** Entries currently held, expired ones included until they are read or evicted. */
  get size(): number {
    return this.#entries.size;
  }
}
