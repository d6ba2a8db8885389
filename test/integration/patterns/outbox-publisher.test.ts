import { randomUUID } from 'node:crypto';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { type AttributeValue, QueryCommand } from '@aws-sdk/client-dynamodb';
import type { Context, DynamoDBRecord, AttributeValue as StreamAttributeValue } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { EVENT_STORE_TABLE } from '../../../lambdas/contracts/tables/event-store-table.js';
import { IDEMPOTENCY_TABLE } from '../../../lambdas/contracts/tables/idempotency-table.js';
import type { OutboxEventMetadata } from '../../../lambdas/patterns/outbox/outbox-publish-port.js';
import { OutboxPublisher } from '../../../lambdas/patterns/outbox/outbox-publisher.js';
import { PowertoolsOutboxIdempotency } from '../../../lambdas/patterns/outbox/powertools-outbox-idempotency.js';
import { DynamoDbEventStoreAdapter } from '../../../lambdas/stores/event-store/dynamodb/dynamodb-event-store-adapter.js';
import { snapshotPartitionKey } from '../../../lambdas/stores/event-store/dynamodb/event-store-items.js';
import { EventStore } from '../../../lambdas/stores/event-store/event-store.js';
import { addedEvents, tallyReducer } from '../../conformance/event-store-harness.js';
import { testDynamoClients } from '../../support/dynamodb.js';

const { client, documentClient } = testDynamoClients();
const store = new EventStore({
  adapter: new DynamoDbEventStoreAdapter({ documentClient, tableName: EVENT_STORE_TABLE.localName }),
});
const idempotency = () =>
  new PowertoolsOutboxIdempotency({
    persistenceStore: new DynamoDBPersistenceLayer({
      tableName: IDEMPOTENCY_TABLE.localName,
      awsSdkV3Client: client,
    }),
  });

/** The invocation context Lambda passes: Powertools expires an in-progress marker with its remaining time. */
const context: Context = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'agentbridge-outbox-publisher',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:agentbridge-outbox-publisher',
  memoryLimitInMB: '256',
  awsRequestId: 'request-1',
  logGroupName: '/aws/lambda/agentbridge-outbox-publisher',
  logStreamName: 'stream-1',
  getRemainingTimeInMillis: () => 60_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

let sequence = 0;
/** The raw items of a partition, as a DynamoDB stream would carry them in INSERT records' NewImage. */
const insertRecords = async (partitionKey: string): Promise<DynamoDBRecord[]> => {
  const output = await client.send(
    new QueryCommand({
      TableName: EVENT_STORE_TABLE.localName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: partitionKey } },
    }),
  );
  return (output.Items ?? []).map((item: Record<string, AttributeValue>) => {
    sequence += 1;
    return {
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      dynamodb: {
        SequenceNumber: String(sequence).padStart(21, '0'),
        StreamViewType: 'NEW_IMAGE',
        NewImage: item as Record<string, StreamAttributeValue>,
      },
    };
  });
};

const recordingPort = (failing = new Set<string>()) => {
  const published: OutboxEventMetadata[] = [];
  return {
    published,
    failing,
    port: {
      publish: async (_type: string, _data: unknown, metadata: OutboxEventMetadata) => {
        if (failing.has(metadata.id)) throw new Error('bus unavailable');
        published.push(metadata);
      },
    },
  };
};

describe('OutboxPublisher on the event store table and Powertools idempotency (DynamoDB Local)', () => {
  it('publishes the stored events exactly as appended, once across redeliveries, skipping the snapshot', async () => {
    const streamId = `outbox-${randomUUID()}`;
    const { events } = await store.append(streamId, 'no-stream', addedEvents(3), { correlationId: 'req-1' });
    await store.snapshot(streamId, tallyReducer(1));
    const records = [
      ...(await insertRecords(streamId)),
      ...(await insertRecords(snapshotPartitionKey(streamId, 1))),
    ];
    expect(records).toHaveLength(4);
    const { port, published } = recordingPort();
    const publisher = new OutboxPublisher({ port, idempotency: idempotency() });

    expect(await publisher.publishBatch({ Records: records }, context)).toEqual({ batchItemFailures: [] });
    expect(await publisher.publishBatch({ Records: records }, context)).toEqual({ batchItemFailures: [] });
    expect(published).toEqual(
      events.map((event) => ({ ...event.metadata, id: event.id, streamId, version: event.version })),
    );
  });

  it('publishes on redelivery what failed the first time, and only that', async () => {
    const streamId = `outbox-${randomUUID()}`;
    const { events } = await store.append(streamId, 'no-stream', addedEvents(2));
    const records = await insertRecords(streamId);
    const { port, published, failing } = recordingPort(new Set([events[1]?.id ?? '']));
    const publisher = new OutboxPublisher({ port, idempotency: idempotency() });
    const first = await publisher.publishBatch({ Records: records }, context);
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: records[1]?.dynamodb?.SequenceNumber }]);
    failing.clear();
    expect(await publisher.publishBatch({ Records: records }, context)).toEqual({ batchItemFailures: [] });
    expect(published.map((metadata) => metadata.version)).toEqual([1, 2]);
  });
});
