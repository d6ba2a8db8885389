import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { CACHE_TABLE } from '../../../lambdas/contracts/tables/cache-table.js';
import { CacheLayerError } from '../../../lambdas/stores/cache/cache-error.js';
import { type CacheKey, cacheKey } from '../../../lambdas/stores/cache/cache-key.js';
import { DynamoDbCacheLayer } from '../../../lambdas/stores/cache/dynamodb/dynamodb-cache-layer.js';
import { testDynamoClients } from '../../support/dynamodb.js';
import { ManualClock } from '../../support/manual-clock.js';

const { documentClient } = testDynamoClients();
const tableName = CACHE_TABLE.localName;
const uniqueKey = (): CacheKey => cacheKey(`ddb-${randomUUID().slice(0, 13)}`, 'k');
const rawItem = async (key: CacheKey) =>
  (
    await documentClient.send(
      new GetCommand({ TableName: tableName, Key: { pk: key }, ConsistentRead: true }),
    )
  ).Item;

describe('DynamoDbCacheLayer on DynamoDB Local', () => {
  const clock = new ManualClock(Date.now() + 0.4);
  const layer = new DynamoDbCacheLayer({ documentClient, tableName, clock });

  it('stores one item keyed namespace:key with the JSON text, the ms expiry and a TTL in epoch seconds', async () => {
    const key = uniqueKey();
    await layer.set(key, { a: 1 }, 10);
    const expiresAtMs = clock.now() + 10_000;
    expect(await rawItem(key)).toEqual({
      pk: key,
      value: '{"a":1}',
      expiresAtMs,
      // Rounded up, so DynamoDB's TTL sweep can never remove an entry before it expires.
      expiresAt: Math.ceil(expiresAtMs / 1000),
    });
  });

  it('treats an expired item that DynamoDB has not deleted yet as a miss, without deleting it', async () => {
    const key = uniqueKey();
    await layer.set(key, 'stale soon', 1);
    clock.advanceSeconds(2);
    expect(await layer.get(key)).toBeUndefined();
    expect(await rawItem(key)).toMatchObject({ pk: key, value: '"stale soon"' });
  });

  it('honours an item carrying only the TTL attribute, at second precision', async () => {
    const key = uniqueKey();
    const expiresAt = Math.ceil(clock.now() / 1000) + 5;
    await documentClient.send(
      new PutCommand({ TableName: tableName, Item: { pk: key, value: '7', expiresAt } }),
    );
    expect(await layer.get(key)).toEqual({ value: 7, expiresAtMs: expiresAt * 1000 });
  });

  it.each([
    ['a value that is not JSON', { value: '{oops', expiresAtMs: Date.now() + 60_000 }],
    ['a value that is not a string', { value: 42, expiresAtMs: Date.now() + 60_000 }],
    ['no expiry at all', { value: '1' }],
  ])('reports an item with %s as a layer failure', async (_label, attributes) => {
    const key = uniqueKey();
    await documentClient.send(new PutCommand({ TableName: tableName, Item: { pk: key, ...attributes } }));
    const error = await layer.get(key).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(CacheLayerError);
    expect(error).toMatchObject({
      code: 'CACHE_LAYER_FAILED',
      layer: 'l2-dynamodb',
      operation: 'get',
      cacheKey: key,
    });
  });
});
