import type { Clock } from '../../contracts/clock.js';
import type { Logger } from '../../contracts/logger.js';
import { CacheConfigurationError } from './cache-error.js';
import type { CacheLayer } from './cache-layer.js';
import type { CacheMetrics } from './cache-metrics.js';
import { assertCacheTtl } from './cache-ttl.js';

/** One layer and how long it keeps what is written to it. */
export interface CacheLayerPolicy {
  readonly layer: CacheLayer;
  readonly ttlSeconds: number;
}

export interface LayeredCacheOptions {
  /** Searched in this order, fastest first; a hit in a later layer is promoted to the earlier ones. */
  readonly layers: readonly CacheLayerPolicy[];
  readonly logger: Logger;
  readonly metrics: CacheMetrics;
  /** The clock the layers use; promotion computes remaining lifetimes with it. */
  readonly clock?: Clock;
}

export interface CacheSetOptions {
  /** Caps every layer's TTL for this entry: the data's own freshness limit. */
  readonly ttlSeconds?: number;
}

/**
 * @throws CacheConfigurationError without layers or with two layers of one name.
 * @throws InvalidCacheTtlError for a layer TTL that is not a positive, finite number of seconds.
 */
export const assertLayerPolicies = (layers: readonly CacheLayerPolicy[]): void => {
  if (layers.length === 0) throw new CacheConfigurationError('A cache needs at least one layer');
  const names = new Set<string>();
  for (const { layer, ttlSeconds } of layers) {
    if (names.has(layer.name))
      throw new CacheConfigurationError(`Duplicate cache layer name "${layer.name}"`);
    names.add(layer.name);
    assertCacheTtl(ttlSeconds, `layer "${layer.name}"`);
  }
};
