import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { expect } from 'vitest';
import { silentLogger } from '../../../lambdas/contracts/logger.js';
import {
  EVENT_STORE_ATTRIBUTES as A,
  EVENT_STORE_ITEM_KINDS,
  EVENT_STORE_TABLE,
} from '../../../lambdas/contracts/tables/event-store-table.js';
import { DynamoDbEventStoreAdapter } from '../../../lambdas/stores/event-store/dynamodb/dynamodb-event-store-adapter.js';
import { SnapshotStreamConsumer } from '../../../lambdas/stores/event-store/dynamodb/snapshot-stream-consumer.js';
import { EventStore } from '../../../lambdas/stores/event-store/event-store.js';
import { isConcurrencyError } from '../../../lambdas/stores/event-store/event-store-error.js';
import { addedEvents, tallyReducer } from '../../conformance/event-store-harness.js';
import { testDynamoClients } from '../dynamodb.js';
import type { TableWorkload } from './table-workload.js';

const storeOn = (documentClient: DynamoDBDocumentClient): EventStore =>
  new EventStore({
    adapter: new DynamoDbEventStoreAdapter({ documentClient, tableName: EVENT_STORE_TABLE.localName }),
  });
const newStream = (): string => `iam-${randomUUID()}`;
const reducer = tallyReducer(1);

/** A stream of `count` events written through an unrecorded client: what a reader or snapshotter finds. */
const seededStream = async (count: number): Promise<string> => {
  const streamId = newStream();
  await storeOn(testDynamoClients().documentClient).append(streamId, 'no-stream', addedEvents(count));
  return streamId;
};

/** The users and orders agents: appends of every shape (and lost races), then loads and reads. */
export const appendingEventStoreWorkload: TableWorkload = async ({ documentClient }) => {
  const store = storeOn(documentClient);
  const streamId = newStream();
  await store.append(streamId, 'no-stream', addedEvents(1));
  await store.append(streamId, 1, addedEvents(2, 2));
  await store.append(streamId, 'any', addedEvents(1, 4));
  // A full transaction (100 events) leaves no slot for the gap guard: it is read first instead.
  await store.append(streamId, 4, addedEvents(100, 5));
  await store.append(newStream(), 'no-stream', addedEvents(3));
  const lostRaces = await Promise.allSettled([
    store.append(streamId, 'no-stream', addedEvents(1)),
    store.append(streamId, 2, addedEvents(1)),
  ]);
  for (const race of lostRaces)
    expect(race.status === 'rejected' && isConcurrencyError(race.reason)).toBe(true);
  expect((await store.load(streamId, reducer)).version).toBe(104);
  expect(await store.currentVersion(streamId)).toBe(104);
  await store.readForward(streamId, { limit: 10 });
  await store.readBackward(streamId, { limit: 10 });
};

/** The lifecycle agent: the order's recorded state, read only. */
export const readingEventStoreWorkload: TableWorkload = async ({ documentClient }) => {
  const streamId = await seededStream(5);
  const store = storeOn(documentClient);
  expect((await store.load(streamId, reducer)).version).toBe(5);
  expect((await store.load(newStream(), reducer)).version).toBe(0);
  await store.loadAt(streamId, 3, reducer);
  await store.currentVersion(streamId);
  await store.readForward(streamId, { limit: 2 });
  await store.readBackward(streamId, { limit: 2 });
};

const insertOf = (streamId: string, version: number): DynamoDBStreamEvent['Records'][number] => ({
  eventName: 'INSERT',
  dynamodb: {
    SequenceNumber: `${version}`,
    NewImage: {
      [A.pk]: { S: streamId },
      [A.sk]: { N: `${version}` },
      [A.kind]: { S: EVENT_STORE_ITEM_KINDS.event },
    },
  },
});

/** The snapshot writer: stream records at snapshot boundaries, each folded from the previous snapshot. */
export const snapshotWriterWorkload: TableWorkload = async ({ documentClient }) => {
  const streamId = await seededStream(6);
  const errors: unknown[] = [];
  const consumer = new SnapshotStreamConsumer({
    store: storeOn(documentClient),
    policy: { every: 3, reducerFor: () => reducer },
    logger: { ...silentLogger, error: (_message, extra) => errors.push(extra) },
  });
  const records = [
    insertOf(streamId, 3),
    insertOf(streamId, 4),
    insertOf(streamId, 6),
    insertOf(streamId, 6),
  ];
  for (const record of records) {
    expect(await consumer.processBatch({ Records: [record] })).toEqual({ batchItemFailures: [] });
  }
  expect(errors).toEqual([]);
  const loaded = await storeOn(testDynamoClients().documentClient).load(streamId, reducer);
  expect(loaded).toMatchObject({ version: 6, snapshotVersion: 6 });
};
