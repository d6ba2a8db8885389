import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { isTransientError } from '../../../../lambdas/runtime/lambda/is-transient-error.js';
import { DynamoDbEventStoreAdapter } from '../../../../lambdas/stores/event-store/dynamodb/dynamodb-event-store-adapter.js';
import { ConcurrencyError } from '../../../../lambdas/stores/event-store/event-store-error.js';
import type { SerializedEvent } from '../../../../lambdas/stores/event-store/event-store-port.js';
import { CorruptItemError, StoreUnavailableError } from '../../../../lambdas/stores/store-errors.js';

const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' }));
const dynamo = mockClient(documentClient);
const adapter = new DynamoDbEventStoreAdapter({ documentClient, tableName: 'events' });

const event = (version: number): SerializedEvent => ({
  streamId: 'user-1',
  version,
  id: `id-${version}`,
  type: 'Added',
  data: '{}',
  metadata: '{"correlationId":"c","causationId":"c","time":"t"}',
});

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe('DynamoDbEventStoreAdapter', () => {
  beforeEach(() => dynamo.reset());

  it('starts a stream with one event as a single conditional put', async () => {
    dynamo.on(PutCommand).resolves({});
    await adapter.appendEvents('user-1', 0, [event(1)]);
    const [call] = dynamo.commandCalls(PutCommand);
    expect(call?.args[0].input).toMatchObject({
      TableName: 'events',
      Item: { pk: 'user-1', sk: 1, kind: 'event', id: 'id-1' },
      ConditionExpression: 'attribute_not_exists(#pk)',
    });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('guards an append to an existing stream with a check on the expected last event', async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    await adapter.appendEvents('user-1', 4, [event(5), event(6)]);
    const items = dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(items).toHaveLength(3);
    expect(items[0]?.ConditionCheck).toMatchObject({
      Key: { pk: 'user-1', sk: 4 },
      ConditionExpression: 'attribute_exists(#pk)',
    });
    expect(items.slice(1).map((item) => item.Put?.Item?.sk)).toEqual([5, 6]);
  });

  it.each([
    ['a failed condition', ['ConditionalCheckFailed', 'None']],
    ['a conflicting transaction', ['None', 'TransactionConflict']],
  ])('turns %s into a ConcurrencyError carrying the version read afterwards', async (_, codes) => {
    dynamo.on(TransactWriteCommand).rejects(cancelled(...codes));
    dynamo.on(QueryCommand).resolves({ Items: [{ sk: 7 }] });
    const error = await adapter.appendEvents('user-1', 4, [event(5)]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ streamId: 'user-1', expectedVersion: 4, actualVersion: 7 });
    expect(dynamo.commandCalls(QueryCommand)[0]?.args[0].input).toMatchObject({
      ConsistentRead: true,
      ScanIndexForward: false,
      Limit: 1,
    });
  });

  it('reports any other cancellation as a store failure, not a lost race', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'ValidationError'));
    const error = await adapter.appendEvents('user-1', 4, [event(5)]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', store: 'event-store', operation: 'append' });
    expect(dynamo.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('wraps a failing query with the operation and stream, as a transient error worth a retry', async () => {
    dynamo.on(QueryCommand).rejects(new Error('socket hang up'));
    const error = await adapter.currentVersion('user-1').catch((caught: unknown) => caught);
    expect(isTransientError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'STORE_UNAVAILABLE',
      store: 'event-store',
      operation: 'currentVersion',
      key: 'user-1',
      transient: true,
    });
  });

  it('follows DynamoDB pages until it has one event beyond the limit', async () => {
    const item = (version: number) => ({
      pk: 'user-1',
      sk: version,
      id: `id-${version}`,
      type: 'Added',
      data: '{}',
      metadata: '{}',
    });
    dynamo
      .on(QueryCommand)
      .resolvesOnce({ Items: [item(1), item(2)], LastEvaluatedKey: { pk: 'user-1', sk: 2 } })
      .resolvesOnce({ Items: [item(3), item(4)], LastEvaluatedKey: { pk: 'user-1', sk: 4 } });
    const range = await adapter.readEvents('user-1', {
      direction: 'forward',
      minVersion: 1,
      maxVersion: 99,
      limit: 3,
    });
    expect(range.events.map((stored) => stored.version)).toEqual([1, 2, 3]);
    expect(range.hasMore).toBe(true);
    expect(dynamo.commandCalls(QueryCommand).map((call) => call.args[0].input.Limit)).toEqual([4, 2]);
  });

  it('refuses an item that lacks the attributes it writes', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [{ pk: 'user-1', sk: 1, type: 'Added' }] });
    await expect(
      adapter.readEvents('user-1', { direction: 'forward', minVersion: 1, maxVersion: 9, limit: 9 }),
    ).rejects.toBeInstanceOf(CorruptItemError);
  });
});
