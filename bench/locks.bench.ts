import { randomUUID } from 'node:crypto';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { LOCK_TABLE } from '../lambdas/contracts/tables/lock-table.js';
import { DynamoDbLockStore } from '../lambdas/stores/locks/dynamodb/dynamodb-lock-store.js';
import { InMemoryLockStore } from '../lambdas/stores/locks/in-memory/in-memory-lock-store.js';
import { LockManager } from '../lambdas/stores/locks/lock-manager.js';
import { createTables } from '../local/dynamodb/create-tables.js';
import { startDynamoDbLocal } from '../local/dynamodb/dynamodb-local-process.js';
import { localDynamoDbClient } from '../local/dynamodb/local-dynamodb-client.js';
import type { Bench } from './bench.js';
import { opsPerSecond } from './measure.js';

/** One acquire + release on `resource`: a fresh grant each time, so the token must have moved on. */
const cycle = async (locks: LockManager, resource: string, lastToken: number): Promise<number> => {
  const lock = await locks.acquire(resource, { owner: 'bench', ttlSeconds: 30 });
  if (lock.fencingToken <= lastToken) throw new Error('locks bench: a fencing token did not increase');
  await locks.release(resource, lock.lockId);
  return lock.fencingToken;
};

/** Acquire + release cycles per second on one resource. */
const cyclesPerSecond = async (locks: LockManager, batch: number): Promise<number> => {
  const resource = `bench/${randomUUID()}`;
  let lastToken = 0;
  return opsPerSecond(async () => {
    for (let i = 0; i < batch; i++) lastToken = await cycle(locks, resource, lastToken);
    return batch;
  });
};

async function inMemoryCycles(): Promise<number> {
  return cyclesPerSecond(new LockManager(new InMemoryLockStore()), 1_000);
}

/**
 * `cycle`: acquire (consistent Query + TransactWriteItems of counter and lease) + release (conditional
 * DeleteItem) on DynamoDB Local. `baseline`: a bare PutItem + DeleteItem of the same item, so
 * `baseline / cycle` is what fencing and the conditions cost. The JVM speeds up for seconds after start, so
 * it is warmed first and both are measured in alternating rounds (median of each).
 */
const measureOnDynamoDb = async (documentClient: DynamoDBDocumentClient) => {
  const locks = new LockManager(new DynamoDbLockStore(documentClient, LOCK_TABLE.localName));
  const key = { pk: `bench/${randomUUID()}`, sk: 'lease' };
  const bare = async (): Promise<number> => {
    await documentClient.send(
      new PutCommand({ TableName: LOCK_TABLE.localName, Item: { ...key, owner: 'bench' } }),
    );
    await documentClient.send(new DeleteCommand({ TableName: LOCK_TABLE.localName, Key: key }));
    return 1;
  };
  const warmUpResource = `bench/${randomUUID()}`;
  let warmUpToken = 0;
  const warmUpEnd = performance.now() + 2_000;
  while (performance.now() < warmUpEnd) {
    [warmUpToken] = await Promise.all([cycle(locks, warmUpResource, warmUpToken), bare()]);
  }
  const cycles: number[] = [];
  const baselines: number[] = [];
  for (let round = 0; round < 3; round++) {
    cycles.push(await cyclesPerSecond(locks, 10));
    baselines.push(await opsPerSecond(bare, 1_000, 100));
  }
  return { cycle: median(cycles), baseline: median(baselines) };
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Runs `measure` against a DynamoDB Local of its own with the lock table, then stops it by its pid. */
async function withDynamoDbLocal<T>(measure: (client: DynamoDBDocumentClient) => Promise<T>): Promise<T> {
  const dynamodb = await startDynamoDbLocal();
  const client = localDynamoDbClient(dynamodb.endpoint);
  try {
    await createTables(client, [LOCK_TABLE]);
    return await measure(DynamoDBDocumentClient.from(client));
  } finally {
    client.destroy();
    await dynamodb.stop();
  }
}

// Both DynamoDB numbers come from one DynamoDB Local (≈4 s to start), measured once whichever bench runs first.
let dynamoDbMeasurements: Promise<{ cycle: number; baseline: number }> | undefined;
const measureDynamoDb = (): Promise<{ cycle: number; baseline: number }> => {
  dynamoDbMeasurements ??= withDynamoDbLocal(measureOnDynamoDb);
  return dynamoDbMeasurements;
};

export const benches: Bench[] = [
  { name: 'lock.cycle.per_s', unit: 'cycles/s', run: inMemoryCycles },
  { name: 'lock.cycle.dynamodb.per_s', unit: 'cycles/s', run: async () => (await measureDynamoDb()).cycle },
  {
    name: 'lock.cycle.dynamodb.put_delete_baseline.per_s',
    unit: 'cycles/s',
    run: async () => (await measureDynamoDb()).baseline,
  },
];
