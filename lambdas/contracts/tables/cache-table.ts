import type { TableDefinition } from '../table-definition.js';

/**
 * Attribute names of a cache item. One item per entry; `pk` is the namespaced key `namespace:key`, so every
 * read and write is a single-item GetItem/PutItem/DeleteItem (no sort key, no index, no scan).
 */
export const CACHE_ATTRIBUTES = {
  /** Partition key: `namespace:key`. */
  pk: 'pk',
  /** The cached value as a JSON string (a string keeps the value byte-exact and its size predictable). */
  value: 'value',
  /** Logical expiry in epoch milliseconds: every read compares it with the clock. */
  expiresAtMs: 'expiresAtMs',
  /**
   * DynamoDB TTL attribute, epoch seconds, rounded up from `expiresAtMs` so DynamoDB never deletes an item
   * before it is logically expired. Deletion runs up to ~48 h late, which is why reads filter on their own.
   */
  expiresAt: 'expiresAt',
} as const;

/**
 * The L2 cache table. Every item carries a TTL: a cache entry is disposable by definition.
 *
 * @example
 * ```ts
 * const tableName = process.env[CACHE_TABLE.envVar] ?? CACHE_TABLE.localName;
 * ```
 */
export const CACHE_TABLE: TableDefinition = {
  id: 'Cache',
  envVar: 'AGENTBRIDGE_CACHE_TABLE_NAME',
  localName: 'agentbridge-cache',
  partitionKey: { name: CACHE_ATTRIBUTES.pk, type: 'S' },
  timeToLiveAttribute: CACHE_ATTRIBUTES.expiresAt,
};
