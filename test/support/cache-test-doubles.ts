import { vi } from 'vitest';
import type { CacheKey } from '../../lambdas/stores/cache/cache-key.js';
import type { CacheEntry, CacheLayer } from '../../lambdas/stores/cache/cache-layer.js';

/** A layer that is down: every operation rejects, as a throttled or unreachable DynamoDB would. */
export class DownLayer implements CacheLayer {
  readonly name: string;
  readonly failure = new Error('connect ECONNREFUSED');

  constructor(name = 'down') {
    this.name = name;
  }

  async get(_key: CacheKey): Promise<CacheEntry | undefined> {
    throw this.failure;
  }

  async set(_key: CacheKey, _value: unknown, _ttlSeconds: number): Promise<void> {
    throw this.failure;
  }

  async delete(_key: CacheKey): Promise<void> {
    throw this.failure;
  }
}

/** Wraps a layer so a test decides when its next `get` answers (to interleave a write with a read). */
export class GatedLayer implements CacheLayer {
  readonly name: string;
  readonly #inner: CacheLayer;
  #held: { gate: Promise<void>; read: () => void } | undefined;
  #open: () => void = () => undefined;

  constructor(inner: CacheLayer) {
    this.name = inner.name;
    this.#inner = inner;
  }

  /**
   * The next `get` reads the inner layer at once but answers only after `release()`. Resolves once that
   * read has happened, so the test can run a write between the read and its answer.
   */
  holdNextGet(): Promise<void> {
    return new Promise((read) => {
      const gate = new Promise<void>((open) => {
        this.#open = open;
      });
      this.#held = { gate, read };
    });
  }

  release(): void {
    this.#open();
  }

  async get(key: CacheKey): Promise<CacheEntry | undefined> {
    const held = this.#held;
    this.#held = undefined;
    const entry = await this.#inner.get(key);
    if (held !== undefined) {
      held.read();
      await held.gate;
    }
    return entry;
  }

  set(key: CacheKey, value: unknown, ttlSeconds: number): Promise<void> {
    return this.#inner.set(key, value, ttlSeconds);
  }

  delete(key: CacheKey): Promise<void> {
    return this.#inner.delete(key);
  }
}

/** Logger and metrics spies shaped like the Powertools methods the cache calls. */
export const observability = () => ({
  logger: {
    warn: vi.fn<(message: string, extra?: Record<string, unknown>) => void>(),
    error: vi.fn<(message: string, extra?: Record<string, unknown>) => void>(),
  },
  metrics: { addMetric: vi.fn<(name: string, unit: 'Count', value: number) => void>() },
});
