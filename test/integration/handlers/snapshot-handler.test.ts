import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { orderReducer } from '../../../lambdas/agents/orders/order-reducer.js';
import { userReducer } from '../../../lambdas/agents/users/user-reducer.js';
import { ENV } from '../../../lambdas/contracts/env-names.js';
import { OrderCreated, OrderPaid, orderStreamId } from '../../../lambdas/contracts/order/order-events.js';
import { EVENT_STORE_TABLE } from '../../../lambdas/contracts/tables/event-store-table.js';
import { UserCreated, UserUpdated } from '../../../lambdas/contracts/users/user-events.js';
import { userStreamId } from '../../../lambdas/contracts/users/user-values.js';
import { DynamoDbEventStoreAdapter } from '../../../lambdas/stores/event-store/dynamodb/dynamodb-event-store-adapter.js';
import { EventStore } from '../../../lambdas/stores/event-store/event-store.js';
import type { NewEvent } from '../../../lambdas/stores/event-store/new-event.js';
import type { Reducer } from '../../../lambdas/stores/event-store/reducer.js';
import { fakeLambdaContext } from '../../support/aws-loopback/fake-lambda-context.js';
import { setDeployedHandlerEnvironment } from '../../support/deployed-handler-environment.js';
import { testDynamoClients } from '../../support/dynamodb.js';

type StreamHandler = (event: DynamoDBStreamEvent, context: unknown) => Promise<DynamoDBBatchResponse>;
type TaskHandler = (event: unknown, context: unknown) => Promise<unknown>;

const TABLE = EVENT_STORE_TABLE.localName;
const { client, documentClient } = testDynamoClients();
const store = new EventStore({
  adapter: new DynamoDbEventStoreAdapter({ documentClient, tableName: TABLE }),
});

/** A fresh module graph, as a cold start: the handler reads its table name at import. */
const loadSnapshotHandler = async (): Promise<StreamHandler> => {
  vi.resetModules();
  return (await import('../../../lambdas/handlers/snapshot-handler.js')).handler as unknown as StreamHandler;
};

const fixture = (name: string): DynamoDBStreamEvent =>
  JSON.parse(readFileSync(new URL(`../../fixtures/dynamodb-stream/${name}`, import.meta.url), 'utf8'));

/**
 * The stream records DynamoDB emits for a stream's event items from `fromVersion` on: the low-level Query
 * returns the very attribute-value images a NEW_IMAGE stream carries.
 */
const insertRecords = async (streamId: string, fromVersion: number): Promise<DynamoDBRecord[]> => {
  const output = await client.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND sk >= :from',
      ExpressionAttributeValues: { ':pk': { S: streamId }, ':from': { N: String(fromVersion) } },
    }),
  );
  return (output.Items ?? []).map((item, index) => ({
    eventID: randomUUID(),
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    dynamodb: {
      Keys: { pk: item.pk, sk: item.sk } as Record<string, AttributeValue>,
      NewImage: item as Record<string, AttributeValue>,
      SequenceNumber: `${Date.now()}${index}`,
      StreamViewType: 'NEW_IMAGE',
    },
  }));
};

/** The same fold under another reducer version: no snapshot fits it, so it loads by full replay. */
const replayOnly = <S>(reducer: Reducer<S>): Reducer<S> => ({ ...reducer, version: 999 });

beforeAll(() => setDeployedHandlerEnvironment(inject('dynamodbEndpoint')));

describe('snapshot handler (event store stream on DynamoDB Local)', () => {
  it('snapshots a user stream at version 100, and the snapshot folds to the same state as a full replay', async () => {
    const userId = `u-${randomUUID()}`;
    const events: NewEvent[] = [
      { type: UserCreated.name, data: { userId, email: `${userId}@example.com`, name: 'Ada' } },
      ...Array.from({ length: 99 }, (_, index) => ({
        type: UserUpdated.name,
        data: { userId, name: `Ada ${index + 1}` },
      })),
    ];
    await store.append(userStreamId(userId), 'no-stream', events);
    const handler = await loadSnapshotHandler();
    const records = await insertRecords(userStreamId(userId), 98);
    expect(records).toHaveLength(3);
    const response = await handler({ Records: records }, fakeLambdaContext('snapshot-writer', 60_000));
    expect(response).toEqual({ batchItemFailures: [] });
    const loaded = await store.load(userStreamId(userId), userReducer);
    expect(loaded).toMatchObject({ version: 100, snapshotVersion: 100 });
    expect(loaded.state).toMatchObject({ userId, name: 'Ada 99', version: 100 });
    const replayed = await store.load(userStreamId(userId), replayOnly(userReducer));
    expect(replayed.snapshotVersion).toBeUndefined();
    expect(loaded.state).toEqual(replayed.state);
  });

  it('makes the orders handler read the order from the snapshot, not by replaying the stream', async () => {
    const orderId = `o-${randomUUID()}`;
    const created = {
      orderId,
      sagaId: `saga-${orderId}`,
      userId: 'u-ada',
      items: [{ sku: 'A', quantity: 1, unitPrice: 5 }],
      amount: 5,
      paymentId: 'pay_1',
    };
    const streamId = orderStreamId(orderId);
    await store.append(streamId, 'no-stream', [
      { type: OrderCreated.name, data: OrderCreated.parse(created) },
      // Events the order aggregate keeps but that change no state (the reducer passes them through).
      ...Array.from({ length: 98 }, () => ({ type: 'OrderNoteAdded', data: { note: 'gift wrap' } })),
      { type: OrderPaid.name, data: OrderPaid.parse({ orderId, paymentId: 'pay_1' }) },
    ]);
    const response = await (await loadSnapshotHandler())(
      { Records: await insertRecords(streamId, 100) },
      fakeLambdaContext('snapshot-writer', 60_000),
    );
    expect(response).toEqual({ batchItemFailures: [] });
    // Rewrite the first event behind the snapshot: only a load that starts from the snapshot ignores it.
    const first = await documentClient.send(
      new GetCommand({ TableName: TABLE, Key: { pk: streamId, sk: 1 } }),
    );
    const data = JSON.stringify({ ...created, userId: 'u-rewritten' });
    await documentClient.send(new PutCommand({ TableName: TABLE, Item: { ...first.Item, data } }));
    expect((await store.load(streamId, replayOnly(orderReducer))).state).toMatchObject({
      userId: 'u-rewritten',
    });

    process.env[ENV.agentType] = 'orders';
    const orders = (await import('../../../lambdas/handlers/orders-handler.js'))
      .handler as unknown as TaskHandler;
    const answer = await orders(
      {
        agentbridge: 'task',
        messageType: 'GetOrder',
        recipient: `orders/${orderId}`,
        data: { orderId },
        id: `${orderId}:get`,
      },
      fakeLambdaContext('orders', 30_000),
    );
    expect(answer).toMatchObject({ order: { orderId, userId: 'u-ada', state: 'paid', version: 100 } });
  });

  it('touches no table for records that are not snapshot boundaries (the fixtures), and fails a boundary it cannot write', async () => {
    // A table that does not exist: any store access fails the record, so a clean batch proves no access.
    vi.stubEnv(EVENT_STORE_TABLE.envVar, `agentbridge-missing-${randomUUID()}`);
    try {
      const handler = await loadSnapshotHandler();
      const context = fakeLambdaContext('snapshot-writer', 60_000);
      // Event inserts at versions 1 and 2; a snapshot insert at 100, an event MODIFY and REMOVE, a user-2 v1.
      for (const name of ['event-inserts.json', 'mixed-records.json']) {
        await expect(handler(fixture(name), context), name).resolves.toEqual({ batchItemFailures: [] });
      }
      const [insert] = fixture('event-inserts.json').Records;
      const boundary = structuredClone(insert) as DynamoDBRecord;
      if (boundary.dynamodb?.NewImage?.sk === undefined) throw new Error('fixture record has no sk');
      boundary.dynamodb.NewImage.sk = { N: '100' };
      await expect(handler({ Records: [boundary] }, context)).resolves.toEqual({
        batchItemFailures: [{ itemIdentifier: boundary.dynamodb.SequenceNumber }],
      });
    } finally {
      vi.stubEnv(EVENT_STORE_TABLE.envVar, TABLE);
    }
  });

  it('fails at cold start, naming the variable, when the event store table is not configured', async () => {
    vi.stubEnv(EVENT_STORE_TABLE.envVar, '');
    try {
      // A fresh module graph, so a fresh error class: compare by name and fields, not instanceof.
      await expect(loadSnapshotHandler()).rejects.toMatchObject({
        name: 'AwsRuntimeConfigError',
        variable: EVENT_STORE_TABLE.envVar,
      });
    } finally {
      vi.stubEnv(EVENT_STORE_TABLE.envVar, TABLE);
    }
  });
});
