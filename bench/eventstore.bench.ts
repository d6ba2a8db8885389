/**
 * Event store benchmarks. DynamoDB numbers come from a DynamoDB Local this file starts on
 * first use (killed with the process); compare ratios within one run, never absolute times.
 * The flat-load claim: `eventstore.load.20000.ms` stays within 1.5× of `eventstore.load.100.ms`, because a
 * load reads the newest snapshot and only the events after it; `load_nosnapshot` replays everything.
 */
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EVENT_STORE_TABLE } from '../lambdas/contracts/tables/event-store-table.js';
import { DynamoDbEventStoreAdapter } from '../lambdas/stores/event-store/dynamodb/dynamodb-event-store-adapter.js';
import { eventItem } from '../lambdas/stores/event-store/dynamodb/event-store-items.js';
import { EventStore } from '../lambdas/stores/event-store/event-store.js';
import { InMemoryEventStoreAdapter } from '../lambdas/stores/event-store/in-memory/in-memory-event-store-adapter.js';
import type { Reducer } from '../lambdas/stores/event-store/reducer.js';
import { createTables } from '../local/dynamodb/create-tables.js';
import { startDynamoDbLocal } from '../local/dynamodb/dynamodb-local-process.js';
import { localDynamoDbClient } from '../local/dynamodb/local-dynamodb-client.js';
import type { Bench } from './bench.js';
import { opsPerSecond } from './measure.js';

interface Totals {
  readonly count: number;
  readonly sum: number;
}
const totals = (version: number): Reducer<Totals> => ({
  version,
  initial: () => ({ count: 0, sum: 0 }),
  apply: (state, event) => ({ count: state.count + 1, sum: state.sum + event.version }),
});
/** Snapshots are written for version 1 only, so version 2 of the same fold always replays in full. */
const SNAPSHOTTED = totals(1);
const REPLAYED = totals(2);

let local: Promise<{ client: DynamoDBClient; store: EventStore }> | undefined;
const dynamoDb = () => {
  local ??= (async () => {
    const dynamodb = await startDynamoDbLocal();
    const client = localDynamoDbClient(dynamodb.endpoint);
    await createTables(client, [EVENT_STORE_TABLE]);
    const documentClient = DynamoDBDocumentClient.from(client);
    const adapter = new DynamoDbEventStoreAdapter({ documentClient, tableName: EVENT_STORE_TABLE.localName });
    const store = new EventStore({ adapter });
    // A cold JVM is several times slower for its first seconds; measuring that would compare JIT, not I/O.
    await appendsPerSecond(store, 3_000);
    return { client, store };
  })();
  return local;
};

/** 16 writers, each appending one event at a time to its own stream at the exact expected version. */
const appendsPerSecond = (store: EventStore, durationMs: number, warmupMs?: number): Promise<number> => {
  const streams = Array.from({ length: 16 }, () => ({ id: `bench-${randomUUID()}`, version: 0 }));
  return opsPerSecond(
    async () => {
      await Promise.all(
        streams.map(async (stream) => {
          const result = await store.append(stream.id, stream.version, [
            { type: 'Ticked', data: { n: stream.version } },
          ]);
          stream.version = result.nextExpectedVersion;
        }),
      );
      return streams.length;
    },
    durationMs,
    warmupMs,
  );
};

/** Writes `count` events straight into the table, 25 per BatchWriteItem, 16 calls in flight. */
const seed = async (client: DynamoDBClient, streamId: string, count: number): Promise<void> => {
  const documentClient = DynamoDBDocumentClient.from(client);
  const metadata = JSON.stringify({
    correlationId: 'bench',
    causationId: 'bench',
    time: new Date().toISOString(),
  });
  const chunks = Array.from({ length: Math.ceil(count / 25) }, (_, chunk) =>
    Array.from({ length: Math.min(25, count - chunk * 25) }, (_, index) => chunk * 25 + index + 1),
  );
  const write = async (versions: number[]): Promise<void> => {
    let requests = versions.map((version) => ({
      PutRequest: {
        Item: eventItem({ streamId, version, id: randomUUID(), type: 'Ticked', data: '{}', metadata }),
      },
    }));
    while (requests.length > 0) {
      const output = await documentClient.send(
        new BatchWriteCommand({ RequestItems: { [EVENT_STORE_TABLE.localName]: requests } }),
      );
      requests = (output.UnprocessedItems?.[EVENT_STORE_TABLE.localName] ?? []) as typeof requests;
    }
  };
  for (let next = 0; next < chunks.length; next += 16)
    await Promise.all(chunks.slice(next, next + 16).map(write));
};

const seeded = new Map<number, Promise<string>>();
/** One stream per size, seeded once per run, with a snapshot (reducer version 1) at its last event. */
const streamOf = (size: number): Promise<string> => {
  const existing = seeded.get(size);
  if (existing !== undefined) return existing;
  const created = (async () => {
    const { client, store } = await dynamoDb();
    const streamId = `bench-load-${size}-${randomUUID()}`;
    await seed(client, streamId, size);
    await store.snapshot(streamId, SNAPSHOTTED);
    return streamId;
  })();
  seeded.set(size, created);
  return created;
};

/** Median milliseconds of `runs` loads after two warm-up loads. */
const loadMs = async (size: number, reducer: Reducer<Totals>, runs: number): Promise<number> => {
  const streamId = await streamOf(size);
  const { store } = await dynamoDb();
  const timings: number[] = [];
  for (let run = -2; run < runs; run += 1) {
    const start = performance.now();
    const loaded = await store.load(streamId, reducer);
    const elapsed = performance.now() - start;
    if (loaded.state.count !== size)
      throw new Error(`load of ${streamId} folded ${loaded.state.count} events`);
    if (run >= 0) timings.push(elapsed);
  }
  timings.sort((a, b) => a - b);
  return timings[Math.floor(timings.length / 2)] ?? Number.NaN;
};

const SIZES = [100, 1_000, 20_000] as const;
const NO_SNAPSHOT_RUNS: Record<(typeof SIZES)[number], number> = { 100: 20, 1000: 10, 20000: 3 };

export const benches: Bench[] = [
  {
    name: 'eventstore.append.inmemory.per_s',
    unit: 'appends/s',
    run: () => appendsPerSecond(new EventStore({ adapter: new InMemoryEventStoreAdapter() }), 1_000),
  },
  {
    name: 'eventstore.append.dynamodb.per_s',
    unit: 'appends/s',
    run: async () => appendsPerSecond((await dynamoDb()).store, 3_000),
  },
  ...SIZES.map((size) => ({
    name: `eventstore.load.${size}.ms`,
    unit: 'ms',
    run: () => loadMs(size, SNAPSHOTTED, 20),
  })),
  ...SIZES.map((size) => ({
    name: `eventstore.load_nosnapshot.${size}.ms`,
    unit: 'ms',
    run: () => loadMs(size, REPLAYED, NO_SNAPSHOT_RUNS[size]),
  })),
];
