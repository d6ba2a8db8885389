import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type Clock, systemClock } from '../../../contracts/clock.js';
import { CACHE_ATTRIBUTES } from '../../../contracts/tables/cache-table.js';
import { CacheLayerError } from '../cache-error.js';
import { type CacheKey, MAX_CACHE_FULL_KEY_BYTES } from '../cache-key.js';
import type { CacheEntry, CacheLayer } from '../cache-layer.js';
import { expiryAfter } from '../cache-ttl.js';
import type { JsonValue } from '../json-value.js';
import { serializeCacheValue } from '../serialize-cache-value.js';

/** DynamoDB's item size limit (400 KB), counting attribute names and values. */
export const DYNAMODB_ITEM_LIMIT_BYTES = 400 * 1024;
// A number attribute takes at most 21 bytes; the two expiry numbers are far shorter, but budget the max.
const NUMBER_ATTRIBUTE_MAX_BYTES = 21;
const ITEM_OVERHEAD_BYTES =
  CACHE_ATTRIBUTES.pk.length +
  MAX_CACHE_FULL_KEY_BYTES +
  CACHE_ATTRIBUTES.value.length +
  CACHE_ATTRIBUTES.expiresAtMs.length +
  NUMBER_ATTRIBUTE_MAX_BYTES +
  CACHE_ATTRIBUTES.expiresAt.length +
  NUMBER_ATTRIBUTE_MAX_BYTES;
/** The largest JSON value (UTF-8 bytes) that fits one item next to the longest possible key. */
export const DYNAMODB_CACHE_MAX_VALUE_BYTES = DYNAMODB_ITEM_LIMIT_BYTES - ITEM_OVERHEAD_BYTES;

export interface DynamoDbCacheLayerOptions {
  readonly documentClient: DynamoDBDocumentClient;
  /** The deployed cache table (`process.env[CACHE_TABLE.envVar]`). */
  readonly tableName: string;
  readonly clock?: Clock;
  /** Default `l2-dynamodb`. */
  readonly name?: string;
  /** Strongly consistent reads (twice the read cost). Default false: a cache tolerates a brief lag. */
  readonly consistentRead?: boolean;
}

/**
 * L2: one DynamoDB item per entry (`pk` = `namespace:key`), the value as JSON text, and two expiries —
 * `expiresAtMs` that every read compares with the clock, and `expiresAt` (epoch seconds) for DynamoDB TTL,
 * which deletes expired items only eventually (up to ~48 h late). IAM: GetItem, PutItem, DeleteItem.
 *
 * @example
 * ```ts
 * const l2 = new DynamoDbCacheLayer({ documentClient, tableName: process.env[CACHE_TABLE.envVar] ?? '' });
 * ```
 */
export class DynamoDbCacheLayer implements CacheLayer {
  readonly name: string;
  readonly maxValueBytes = DYNAMODB_CACHE_MAX_VALUE_BYTES;
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;
  readonly #clock: Clock;
  readonly #consistentRead: boolean;

  constructor(options: DynamoDbCacheLayerOptions) {
    this.name = options.name ?? 'l2-dynamodb';
    this.#client = options.documentClient;
    this.#tableName = options.tableName;
    this.#clock = options.clock ?? systemClock;
    this.#consistentRead = options.consistentRead ?? false;
  }

  async get(key: CacheKey): Promise<CacheEntry | undefined> {
    const output = await this.#send('get', key, () =>
      this.#client.send(
        new GetCommand({
          TableName: this.#tableName,
          Key: { [CACHE_ATTRIBUTES.pk]: key },
          ConsistentRead: this.#consistentRead,
          ProjectionExpression: '#value, #expiresAtMs, #expiresAt',
          ExpressionAttributeNames: {
            '#value': CACHE_ATTRIBUTES.value,
            '#expiresAtMs': CACHE_ATTRIBUTES.expiresAtMs,
            '#expiresAt': CACHE_ATTRIBUTES.expiresAt,
          },
        }),
      ),
    );
    const item = output.Item;
    if (item === undefined) return undefined;
    const expiresAtMs = readExpiry(item);
    const json = item[CACHE_ATTRIBUTES.value];
    if (expiresAtMs === undefined || typeof json !== 'string') {
      throw new CacheLayerError(
        this.name,
        'get',
        key,
        'stored item lacks a string value or a numeric expiry',
      );
    }
    // DynamoDB TTL deletes late, so an item still present may be long expired: the clock decides.
    if (this.#clock.now() >= expiresAtMs) return undefined;
    return { value: parseJson(this.name, key, json), expiresAtMs };
  }

  async set(key: CacheKey, value: unknown, ttlSeconds: number): Promise<void> {
    const expiresAtMs = expiryAfter(this.#clock.now(), ttlSeconds, `${this.name} entry`);
    const json = serializeCacheValue(value, this.maxValueBytes);
    await this.#send('set', key, () =>
      this.#client.send(
        new PutCommand({
          TableName: this.#tableName,
          Item: {
            [CACHE_ATTRIBUTES.pk]: key,
            [CACHE_ATTRIBUTES.value]: json,
            [CACHE_ATTRIBUTES.expiresAtMs]: expiresAtMs,
            // Rounded up: DynamoDB must never delete an item before it is logically expired.
            [CACHE_ATTRIBUTES.expiresAt]: Math.ceil(expiresAtMs / 1000),
          },
        }),
      ),
    );
  }

  async delete(key: CacheKey): Promise<void> {
    await this.#send('delete', key, () =>
      this.#client.send(
        new DeleteCommand({ TableName: this.#tableName, Key: { [CACHE_ATTRIBUTES.pk]: key } }),
      ),
    );
  }

  async #send<T>(operation: 'get' | 'set' | 'delete', key: CacheKey, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new CacheLayerError(this.name, operation, key, reason, { cause: error });
    }
  }
}

const readExpiry = (item: Record<string, unknown>): number | undefined => {
  const ms = item[CACHE_ATTRIBUTES.expiresAtMs];
  if (typeof ms === 'number' && Number.isFinite(ms)) return ms;
  // An item written by another tool may carry only the TTL attribute: honour it at second precision.
  const seconds = item[CACHE_ATTRIBUTES.expiresAt];
  return typeof seconds === 'number' && Number.isFinite(seconds) ? seconds * 1000 : undefined;
};

const parseJson = (layer: string, key: CacheKey, json: string): JsonValue => {
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new CacheLayerError(layer, 'get', key, 'stored value is not valid JSON', { cause: error });
  }
};
