import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../lambdas/contracts/logger.js';
import {
  eventItem,
  snapshotItem,
} from '../../../../lambdas/stores/event-store/dynamodb/event-store-items.js';
import { SnapshotStreamConsumer } from '../../../../lambdas/stores/event-store/dynamodb/snapshot-stream-consumer.js';
import { EventStore } from '../../../../lambdas/stores/event-store/event-store.js';
import type { SerializedEvent } from '../../../../lambdas/stores/event-store/event-store-port.js';
import { InMemoryEventStoreAdapter } from '../../../../lambdas/stores/event-store/in-memory/in-memory-event-store-adapter.js';
import type { Reducer } from '../../../../lambdas/stores/event-store/reducer.js';
import { StoreUnavailableError } from '../../../../lambdas/stores/store-errors.js';
import { addedEvents, tallyReducer } from '../../../conformance/event-store-harness.js';

const image = (item: Record<string, string | number>) =>
  Object.fromEntries(
    Object.entries(item).map(([name, value]) => [
      name,
      typeof value === 'number' ? { N: String(value) } : { S: value },
    ]),
  );

const insert = (item: Record<string, string | number>, sequence: number): DynamoDBRecord => ({
  eventName: 'INSERT',
  dynamodb: { SequenceNumber: String(sequence), NewImage: image(item), StreamViewType: 'NEW_IMAGE' },
});

const recordsOf = (events: readonly SerializedEvent[]): DynamoDBRecord[] =>
  events.map((event, index) => insert(eventItem(event), index + 1));

const serialized = (streamId: string, versions: number[]): SerializedEvent[] =>
  versions.map((version) => ({
    streamId,
    version,
    id: `e${version}`,
    type: 'Added',
    data: '{}',
    metadata: '{}',
  }));

describe('SnapshotStreamConsumer', () => {
  it('snapshots at every boundary version seen on the stream, and only there', async () => {
    const store = new EventStore({ adapter: new InMemoryEventStoreAdapter() });
    await store.append('user-1', 'no-stream', addedEvents(25));
    const reducer = tallyReducer(1);
    const consumer = new SnapshotStreamConsumer({
      store,
      policy: { every: 10, reducerFor: () => reducer },
      logger: console,
    });
    const response = await consumer.processBatch({
      Records: recordsOf(serialized('user-1', [9, 10, 11, 20, 21])),
    });
    expect(response).toEqual({ batchItemFailures: [] });
    expect((await store.load('user-1', reducer)).snapshotVersion).toBe(20);
    expect((await store.loadAt('user-1', 19, reducer)).snapshotVersion).toBe(10);
  });

  it('ignores snapshot inserts, other item changes and streams without a reducer', async () => {
    const snapshot = vi.fn();
    const consumer = new SnapshotStreamConsumer({
      store: { snapshot },
      policy: {
        every: 1,
        reducerFor: (streamId) => (streamId.startsWith('user-') ? tallyReducer(1) : undefined),
      },
      logger: console,
    });
    const snapshotRecord = insert(
      snapshotItem({ streamId: 'user-1', reducerVersion: 1, version: 1, state: '{}', time: 't' }),
      1,
    );
    const modify: DynamoDBRecord = { ...recordsOf(serialized('user-1', [1]))[0], eventName: 'MODIFY' };
    const other = recordsOf(serialized('order-1', [1]));
    await consumer.processBatch({ Records: [snapshotRecord, modify, ...other] });
    expect(snapshot).not.toHaveBeenCalled();
  });

  it('fails the record on a transient store error so the stream retries it', async () => {
    const consumer = new SnapshotStreamConsumer({
      store: {
        snapshot: async () =>
          Promise.reject(
            new StoreUnavailableError('event-store', 'putSnapshot', {
              key: 'user-1',
              cause: new Error('throttled'),
            }),
          ),
      },
      policy: { every: 1, reducerFor: () => tallyReducer(1) },
      logger: console,
    });
    const response = await consumer.processBatch({ Records: recordsOf(serialized('user-1', [1])) });
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: '1' }] });
  });

  it('logs and skips a state that can never be stored instead of blocking the shard', async () => {
    const store = new EventStore({ adapter: new InMemoryEventStoreAdapter() });
    await store.append('user-1', 'no-stream', addedEvents(2));
    const unstorable: Reducer<unknown> = { version: 1, initial: () => ({ id: 1n }), apply: (state) => state };
    const error = vi.fn();
    const consumer = new SnapshotStreamConsumer({
      store,
      policy: { every: 2, reducerFor: () => unstorable },
      logger: { ...silentLogger, error },
    });
    const response = await consumer.processBatch({ Records: recordsOf(serialized('user-1', [2])) });
    expect(response).toEqual({ batchItemFailures: [] });
    expect(error).toHaveBeenCalledWith(
      expect.stringContaining('Snapshot skipped'),
      expect.objectContaining({ streamId: 'user-1', version: 2 }),
    );
  });
});
