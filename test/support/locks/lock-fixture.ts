import { randomUUID } from 'node:crypto';
import { LOCK_TABLE } from '../../../lambdas/contracts/tables/lock-table.js';
import { DynamoDbFencedResource } from '../../../lambdas/stores/locks/dynamodb/dynamodb-fenced-resource.js';
import { DynamoDbLockStore } from '../../../lambdas/stores/locks/dynamodb/dynamodb-lock-store.js';
import type { FencedResource } from '../../../lambdas/stores/locks/fenced-resource-port.js';
import { InMemoryFencedResource } from '../../../lambdas/stores/locks/in-memory/in-memory-fenced-resource.js';
import { InMemoryLockStore } from '../../../lambdas/stores/locks/in-memory/in-memory-lock-store.js';
import { LockManager, type LockManagerOptions } from '../../../lambdas/stores/locks/lock-manager.js';
import type { LockStore } from '../../../lambdas/stores/locks/lock-store-port.js';
import { testDynamoClients } from '../dynamodb.js';
import { ManualClock } from '../manual-clock.js';

/** One lock backend under test: a store plus the matching fenced resource. */
export interface LockAdapter {
  readonly name: string;
  store(): LockStore;
  fenced(): FencedResource;
}

export const IN_MEMORY_LOCKS: LockAdapter = {
  name: 'in-memory',
  store: () => new InMemoryLockStore(),
  fenced: () => new InMemoryFencedResource(),
};

/** Fenced records live in the lock table under their own partitions (`fenced-test/<uuid>`), away from locks. */
export const DYNAMODB_LOCKS: LockAdapter = {
  name: 'DynamoDB Local',
  store: () => new DynamoDbLockStore(testDynamoClients().documentClient, LOCK_TABLE.localName),
  fenced: () =>
    new DynamoDbFencedResource(testDynamoClients().documentClient, {
      tableName: LOCK_TABLE.localName,
      key: (name) => ({ pk: name, sk: 'fenced-record' }),
    }),
};

export interface LockFixture {
  /** A resource no other test (or parallel test file) uses. */
  readonly resource: string;
  readonly clock: ManualClock;
  readonly store: LockStore;
  /** A manager polling fast, so hand-overs in tests take milliseconds. */
  readonly locks: LockManager;
  /** Another manager on the same store: another process (Lambda container) with its own wake-ups. */
  manager(options?: LockManagerOptions): LockManager;
}

export const lockFixture = (adapter: LockAdapter, store: LockStore = adapter.store()): LockFixture => {
  const clock = new ManualClock();
  const manager = (options: LockManagerOptions = {}): LockManager =>
    new LockManager(store, { clock, pollIntervalMs: 2, maxPollIntervalMs: 10, ...options });
  return { resource: `lock-test/${randomUUID()}`, clock, store, locks: manager(), manager };
};

/** Polls `check` in real time until it holds; fails the test with `what` after `timeoutMs`. */
export const eventually = async (
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 5_000,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

export const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => new Error('expected a rejection'),
    (reason: unknown) => reason,
  );

/** Settlement of a promise without waiting for it: lets a test assert "not granted yet". */
export const tracked = <T>(promise: Promise<T>): { readonly promise: Promise<T>; settled(): boolean } => {
  let settled = false;
  const observed = promise.finally(() => {
    settled = true;
  });
  // The caller awaits `promise`; this branch exists only to observe settlement.
  observed.catch(() => undefined);
  return { promise, settled: () => settled };
};
