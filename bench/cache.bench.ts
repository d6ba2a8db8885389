import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Logger } from '../lambdas/contracts/logger.js';
import { CACHE_TABLE } from '../lambdas/contracts/tables/cache-table.js';
import { cacheKey } from '../lambdas/stores/cache/cache-key.js';
import type { CacheMetrics } from '../lambdas/stores/cache/cache-metrics.js';
import { DynamoDbCacheLayer } from '../lambdas/stores/cache/dynamodb/dynamodb-cache-layer.js';
import { LruCacheLayer } from '../lambdas/stores/cache/in-memory/lru-cache-layer.js';
import { MapCacheLayer } from '../lambdas/stores/cache/in-memory/map-cache-layer.js';
import { LayeredCache } from '../lambdas/stores/cache/layered-cache.js';
import { createTables } from '../local/dynamodb/create-tables.js';
import { startDynamoDbLocal } from '../local/dynamodb/dynamodb-local-process.js';
import { localDynamoDbClient } from '../local/dynamodb/local-dynamodb-client.js';
import type { Bench } from './bench.js';
import { opsPerSecond } from './measure.js';

/** A typical cached record (~150 bytes of JSON). */
const VALUE = { orderId: 'o-123', status: 'paid', total: 1999, currency: 'EUR', items: ['sku-1', 'sku-2'] };

/** A failing layer would make every number meaningless: the benches refuse to report in that case. */
const strict = (): { logger: Logger; metrics: CacheMetrics } => ({
  logger: {
    warn: (message, extra) => {
      throw new Error(`cache bench: ${message} ${JSON.stringify(extra)}`);
    },
    error: (message, extra) => {
      throw new Error(`cache bench: ${message} ${JSON.stringify(extra)}`);
    },
  },
  metrics: { addMetric: () => undefined },
});

/** Nanoseconds per `get` answered by L1 (LRU) through the layered cache: key check, lookup, JSON copy. */
async function l1HitNs(): Promise<number> {
  const l1 = new LruCacheLayer({ maxEntries: 1_000 });
  const cache = new LayeredCache({
    layers: [
      { layer: l1, ttlSeconds: 600 },
      { layer: new MapCacheLayer(), ttlSeconds: 600 },
    ],
    ...strict(),
  });
  await cache.set('orders', 'o-123', VALUE);
  const batch = 10_000;
  const perSecond = await opsPerSecond(async () => {
    for (let i = 0; i < batch; i++) await cache.get('orders', 'o-123');
    return batch;
  });
  const l1Stats = cache.stats().layers[0];
  if (l1Stats === undefined || l1Stats.misses !== 0) throw new Error('cache bench: an L1 read missed');
  return 1e9 / perSecond;
}

/** Runs `measure` against a DynamoDB Local of its own with the cache table, then stops it by its pid. */
async function withDynamoDbLocal<T>(measure: (client: DynamoDBDocumentClient) => Promise<T>): Promise<T> {
  const dynamodb = await startDynamoDbLocal();
  const client = localDynamoDbClient(dynamodb.endpoint);
  try {
    await createTables(client, [CACHE_TABLE]);
    return await measure(DynamoDBDocumentClient.from(client));
  } finally {
    client.destroy();
    await dynamodb.stop();
  }
}

const msPerCall = async (call: () => Promise<unknown>): Promise<number> => {
  const batch = 20;
  const perSecond = await opsPerSecond(
    async () => {
      for (let i = 0; i < batch; i++) await call();
      return batch;
    },
    1_000,
    200,
  );
  return 1_000 / perSecond;
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * `hit`: milliseconds per `get` answered by L2 (DynamoDB Local). L1 is cleared before every read, so each
 * one is an L1 miss, a GetItem, the expiry filter and the promotion back into L1.
 * `getItem`: one bare GetItem of the same item, so `hit / getItem` is the cache's own overhead.
 * DynamoDB Local's JVM speeds up for seconds after start, so it is warmed first and the two are measured
 * in alternating rounds (median of each), which keeps the warm-up from favouring whichever runs last.
 */
const measureOnDynamoDb = async (documentClient: DynamoDBDocumentClient) => {
  const l1 = new LruCacheLayer({ maxEntries: 1_000 });
  const l2 = new DynamoDbCacheLayer({ documentClient, tableName: CACHE_TABLE.localName });
  const cache = new LayeredCache({
    layers: [
      { layer: l1, ttlSeconds: 60 },
      { layer: l2, ttlSeconds: 3_600 },
    ],
    ...strict(),
  });
  const key = cacheKey('orders', 'o-123');
  await cache.set('orders', 'o-123', VALUE);
  const getItem = new GetCommand({
    TableName: CACHE_TABLE.localName,
    Key: { [CACHE_TABLE.partitionKey.name]: key },
  });
  const l2Hit = async (): Promise<void> => {
    await l1.delete(key);
    await cache.get('orders', 'o-123');
  };
  const warmUpEnd = performance.now() + 3_000;
  while (performance.now() < warmUpEnd) await Promise.all([documentClient.send(getItem), l2Hit()]);
  const hits: number[] = [];
  const getItems: number[] = [];
  for (let round = 0; round < 3; round++) {
    hits.push(await msPerCall(l2Hit));
    getItems.push(await msPerCall(() => documentClient.send(getItem)));
  }
  const l2Stats = cache.stats().layers[1];
  if (l2Stats === undefined || l2Stats.misses !== 0) throw new Error('cache bench: an L2 read missed');
  return { hit: median(hits), getItem: median(getItems) };
};

// Both DynamoDB measurements share one DynamoDB Local (≈4 s to start), measured once whichever bench runs first.
let l2Measurements: Promise<{ hit: number; getItem: number }> | undefined;
const measureL2 = (): Promise<{ hit: number; getItem: number }> => {
  l2Measurements ??= withDynamoDbLocal(measureOnDynamoDb);
  return l2Measurements;
};

export const benches: Bench[] = [
  { name: 'cache.l1_hit.ns', unit: 'ns/get', run: l1HitNs },
  { name: 'cache.l2_hit.ms', unit: 'ms/get', run: async () => (await measureL2()).hit },
  { name: 'cache.l2_getitem_baseline.ms', unit: 'ms/get', run: async () => (await measureL2()).getItem },
];
