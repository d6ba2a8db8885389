interface Flight<V> {
  readonly promise: Promise<V>;
  readonly status: { current: boolean };
}

/**
 * Coalesces concurrent work per key: while one run for a key is in flight, later callers share its promise
 * instead of starting their own. A rejection reaches every caller and is not remembered: the next call
 * after it settles starts afresh.
 *
 * @example
 * ```ts
 * const flights = new SingleFlight<string, Price>();
 * const [a, b] = await Promise.all([
 *   flights.run('sku-1', () => fetchPrice('sku-1')).promise,
 *   flights.run('sku-1', () => fetchPrice('sku-1')).promise, // joins the first: one fetch
 * ]);
 * ```
 */
export class SingleFlight<K, V> {
  readonly #flights = new Map<K, Flight<V>>();

  /**
   * Runs `work` unless a run for `key` is in flight, in which case the caller joins it (`joined: true`).
   * `work` receives `isCurrent()`, false once `detach(key)` was called during the run — so work that
   * ends by writing somewhere can skip a write a newer writer has overtaken.
   */
  run(key: K, work: (isCurrent: () => boolean) => Promise<V>): { promise: Promise<V>; joined: boolean } {
    const existing = this.#flights.get(key);
    if (existing !== undefined) return { promise: existing.promise, joined: true };
    const status = { current: true };
    // Starting `work` a microtask later guarantees the flight is registered before it can settle, even
    // when `work` throws synchronously.
    const promise = Promise.resolve()
      .then(() => work(() => status.current))
      .finally(() => {
        if (this.#flights.get(key)?.promise === promise) this.#flights.delete(key);
      });
    this.#flights.set(key, { promise, status });
    return { promise, joined: false };
  }

  /** Marks the flight for `key` as overtaken and lets the next caller start a new one. */
  detach(key: K): void {
    const flight = this.#flights.get(key);
    if (flight === undefined) return;
    flight.status.current = false;
    this.#flights.delete(key);
  }

  /** Keys with a run in flight. */
  get size(): number {
    return this.#flights.size;
  }
}
