/** Counters of one layer since the cache was created (per container for a module-scope cache). */
export interface CacheLayerStats {
  readonly layer: string;
  /** Reads the layer answered with a live entry. */
  readonly hits: number;
  /** Reads the layer answered with nothing (absent or expired). */
  readonly misses: number;
  /** Operations (get, set, delete, promotion) the layer failed and the cache skipped. */
  readonly failures: number;
}

/** A snapshot of the cache's counters; later operations do not change it. */
export interface CacheStats {
  /** In policy order, fastest layer first. */
  readonly layers: readonly CacheLayerStats[];
  /** Loader calls made by `getOrLoad` (one per coalesced group of concurrent misses). */
  readonly loads: number;
  /** `getOrLoad` calls that joined a lookup or load already in flight for the same key. */
  readonly coalesced: number;
}
