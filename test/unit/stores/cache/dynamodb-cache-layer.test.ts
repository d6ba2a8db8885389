import { DynamoDBClient, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { CacheLayerError, CacheValueTooLargeError } from '../../../../lambdas/stores/cache/cache-error.js';
import { cacheKey } from '../../../../lambdas/stores/cache/cache-key.js';
import {
  DYNAMODB_CACHE_MAX_VALUE_BYTES,
  DynamoDbCacheLayer,
} from '../../../../lambdas/stores/cache/dynamodb/dynamodb-cache-layer.js';
import { ManualClock } from '../../../support/manual-clock.js';

const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' }));
const mock = mockClient(documentClient);
const key = cacheKey('prices', 'sku-1');
const throttled = () => new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} });

const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => new Error('expected a rejection'),
    (reason: unknown) => reason,
  );

describe('DynamoDbCacheLayer (SDK mocked)', () => {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const layer = new DynamoDbCacheLayer({ documentClient, tableName: 'cache', clock, consistentRead: true });

  beforeEach(() => mock.reset());

  it('reads one item by its key, projecting only the value and expiries', async () => {
    mock.on(GetCommand).resolves({ Item: { value: '"v"', expiresAtMs: clock.now() + 1 } });
    await layer.get(key);
    expect(mock.commandCalls(GetCommand)[0]?.args[0].input).toMatchObject({
      TableName: 'cache',
      Key: { pk: 'prices:sku-1' },
      ConsistentRead: true,
      ProjectionExpression: '#value, #expiresAtMs, #expiresAt',
    });
  });

  it.each([
    ['get', () => mock.on(GetCommand).rejects(throttled()), () => layer.get(key)],
    ['set', () => mock.on(PutCommand).rejects(throttled()), () => layer.set(key, 1, 10)],
    ['delete', () => mock.on(DeleteCommand).rejects(throttled()), () => layer.delete(key)],
  ] as const)(
    'turns an SDK failure on %s into a CacheLayerError carrying the cause',
    async (operation, fail, call) => {
      fail();
      const error = await rejectionOf(call());
      expect(error).toBeInstanceOf(CacheLayerError);
      expect(error).toMatchObject({ layer: 'l2-dynamodb', operation, cacheKey: 'prices:sku-1' });
      expect((error as Error).cause).toBeInstanceOf(ProvisionedThroughputExceededException);
    },
  );

  it('refuses a value over the item budget before calling DynamoDB', async () => {
    const error = await rejectionOf(layer.set(key, 'x'.repeat(DYNAMODB_CACHE_MAX_VALUE_BYTES), 10));
    expect(error).toBeInstanceOf(CacheValueTooLargeError);
    expect(mock.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('budgets the 400 KB item limit minus the longest key and the bookkeeping attributes', () => {
    expect(DYNAMODB_CACHE_MAX_VALUE_BYTES).toBe(400 * 1024 - (2 + 1089 + 5 + 11 + 21 + 9 + 21));
    expect(layer.maxValueBytes).toBe(DYNAMODB_CACHE_MAX_VALUE_BYTES);
  });
});
