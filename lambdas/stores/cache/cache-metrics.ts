/** Emitted (unit Count, value 1) each time a layer fails and the cache skips it. */
export const CACHE_LAYER_FAILURE_METRIC = 'CacheLayerFailure';

/**
 * The slice of a metrics client the cache needs, shaped like Powertools `Metrics.addMetric`, which
 * satisfies it as is.
 *
 * @example
 * ```ts
 * const metrics: CacheMetrics = new Metrics({ namespace: 'agentbridge', serviceName: 'orders' });
 * ```
 */
export interface CacheMetrics {
  addMetric(name: string, unit: 'Count', value: number): void;
}
