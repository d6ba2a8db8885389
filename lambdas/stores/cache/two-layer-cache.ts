import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Clock, systemClock } from '../../contracts/clock.js';
import type { Logger } from '../../contracts/logger.js';
import type { CacheMetrics } from './cache-metrics.js';
import { DynamoDbCacheLayer } from './dynamodb/dynamodb-cache-layer.js';
import { LruCacheLayer } from './in-memory/lru-cache-layer.js';
import { LayeredCache } from './layered-cache.js';

export interface TwoLayerCacheOptions {
  readonly documentClient: DynamoDBDocumentClient;
  /** The deployed cache table (`process.env[CACHE_TABLE.envVar]`). */
  readonly tableName: string;
  readonly logger: Logger;
  readonly metrics: CacheMetrics;
  readonly clock?: Clock;
  /** L1 (per container). Defaults: 1,000 entries, 60 s — short, because other containers cannot invalidate it. */
  readonly l1?: { readonly maxEntries?: number; readonly ttlSeconds?: number };
  /** L2 (DynamoDB, shared by every container). Default 3,600 s. */
  readonly l2?: { readonly ttlSeconds?: number; readonly consistentRead?: boolean };
}

/** Default L1 TTL: bounds how long a container may serve a value another container changed. */
export const DEFAULT_L1_TTL_SECONDS = 60;
export const DEFAULT_L2_TTL_SECONDS = 3600;

/**
 * The usual shape: L1 = in-memory LRU per Lambda container, L2 = the DynamoDB cache table. Build it once
 * at module scope so L1 survives across invocations of a warm container.
 *
 * @example
 * ```ts
 * const cache = createTwoLayerCache({
 *   documentClient, tableName: process.env[CACHE_TABLE.envVar] ?? '', logger, metrics,
 *   l1: { maxEntries: 5_000, ttlSeconds: 30 },
 * });
 * ```
 */
export const createTwoLayerCache = (options: TwoLayerCacheOptions): LayeredCache => {
  const clock = options.clock ?? systemClock;
  const l1 = new LruCacheLayer({ maxEntries: options.l1?.maxEntries, clock });
  const l2 = new DynamoDbCacheLayer({
    documentClient: options.documentClient,
    tableName: options.tableName,
    clock,
    consistentRead: options.l2?.consistentRead,
  });
  return new LayeredCache({
    layers: [
      { layer: l1, ttlSeconds: options.l1?.ttlSeconds ?? DEFAULT_L1_TTL_SECONDS },
      { layer: l2, ttlSeconds: options.l2?.ttlSeconds ?? DEFAULT_L2_TTL_SECONDS },
    ],
    logger: options.logger,
    metrics: options.metrics,
    clock,
  });
};
