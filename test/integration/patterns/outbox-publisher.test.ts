import { randomUUID } from 'node:crypto';
import { type AttributeValue, QueryCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord, AttributeValue as StreamAttributeValue } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { EVENT_STORE_TABLE } from '../../../lambdas/contracts/tables/event-store-table.js';
import { outboxMessageId } from '../../../lambdas/patterns/outbox/outbox-message-id.js';
import { OutboxPublisher } from '../../../lambdas/patterns/outbox/outbox-publisher.js';
import { DynamoDbEventStoreAdapter } from '../../../lambdas/stores/event-store/dynamodb/dynamodb-event-store-adapter.js';
import { snapshotPartitionKey } from '../../../lambdas/stores/event-store/dynamodb/event-store-items.js';
import { EventStore } from '../../../lambdas/stores/event-store/event-store.js';
import { addedEvents, tallyReducer } from '../../conformance/event-store-harness.js';
import { testDynamoClients } from '../../support/dynamodb.js';
import { at, recordingOutboxPort } from '../../support/recording-outbox-port.js';

const { client, documentClient } = testDynamoClients();
const store = new EventStore({
  adapter: new DynamoDbEventStoreAdapter({ documentClient, tableName: EVENT_STORE_TABLE.localName }),
});
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

describe('OutboxPublisher on the event store table (DynamoDB Local)', () => {
  it('publishes the stored events exactly as appended, under the same ids on a redelivery, skipping the snapshot', async () => {
    const streamId = `outbox-${randomUUID()}`;
    const { events } = await store.append(streamId, 'no-stream', addedEvents(3), { correlationId: 'req-1' });
    await store.snapshot(streamId, tallyReducer(1));
    const records = [
      ...(await insertRecords(streamId)),
      ...(await insertRecords(snapshotPartitionKey(streamId, 1))),
    ];
    expect(records).toHaveLength(4);
    const { port, published } = recordingOutboxPort();
    const publisher = new OutboxPublisher({ port });

    expect(await publisher.publishBatch({ Records: records })).toEqual({ batchItemFailures: [] });
    expect(await publisher.publishBatch({ Records: records })).toEqual({ batchItemFailures: [] });
    const once = events.map((event) => ({
      ...event.metadata,
      id: outboxMessageId(streamId, event.version),
      eventId: event.id,
      streamId,
      version: event.version,
    }));
    expect(published.map((entry) => entry.metadata)).toEqual([...once, ...once]);
  });

  it('publishes the events of two streams the store accepted under one caller-chosen id, each under its own message id', async () => {
    const streams = [`outbox-${randomUUID()}`, `outbox-${randomUUID()}`];
    for (const streamId of streams) {
      await store.append(streamId, 'no-stream', [{ id: 'import-42', type: 'Added', data: { amount: 1 } }]);
    }
    const records = [...(await insertRecords(streams[0] ?? '')), ...(await insertRecords(streams[1] ?? ''))];
    const { port, published } = recordingOutboxPort();
    expect(await new OutboxPublisher({ port }).publishBatch({ Records: records })).toEqual({
      batchItemFailures: [],
    });
    expect(published.map(at)).toEqual(streams.map((streamId) => `${streamId}@1`));
    expect(published.map((entry) => entry.metadata.eventId)).toEqual(['import-42', 'import-42']);
    expect(new Set(published.map((entry) => entry.metadata.id)).size).toBe(2);
  });

  it('publishes on redelivery what failed the first time, in version order', async () => {
    const streamId = `outbox-${randomUUID()}`;
    await store.append(streamId, 'no-stream', addedEvents(2));
    const records = await insertRecords(streamId);
    const { port, published, failing } = recordingOutboxPort({ failing: new Set([`${streamId}@2`]) });
    const publisher = new OutboxPublisher({ port });
    const first = await publisher.publishBatch({ Records: records });
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: records[1]?.dynamodb?.SequenceNumber }]);
    failing.clear();
    expect(await publisher.publishBatch({ Records: records })).toEqual({ batchItemFailures: [] });
    expect(published.map((entry) => entry.metadata.version)).toEqual([1, 1, 2]);
  });
});
