import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { CACHE_TABLE } from '../../../lambdas/contracts/tables/cache-table.js';
import { LOCK_TABLE } from '../../../lambdas/contracts/tables/lock-table.js';
import { cacheKey } from '../../../lambdas/stores/cache/cache-key.js';
import { DynamoDbCacheLayer } from '../../../lambdas/stores/cache/dynamodb/dynamodb-cache-layer.js';
import { DynamoDbLockStore } from '../../../lambdas/stores/locks/dynamodb/dynamodb-lock-store.js';
import { LockLostError, NotLockOwnerError } from '../../../lambdas/stores/locks/lock-error.js';
import { rejectionOf } from '../locks/lock-fixture.js';
import { ManualClock } from '../manual-clock.js';
import type { TableWorkload } from './table-workload.js';

/**
 * The lock store's whole port: grant, reentry, a held lock, the wait queue (enqueue, heartbeat, leave, a
 * dead waiter dropped, a waiter granted and dequeued in one write), extend, release by count, a stranger's
 * release and extend, inspect.
 */
export const lockStoreWorkload: TableWorkload = async ({ documentClient }) => {
  const store = new DynamoDbLockStore(documentClient, LOCK_TABLE.localName);
  const resource = `iam-lock/${randomUUID()}`;
  const clock = new ManualClock();
  const wait = (owner: string, aliveMs: number) =>
    store.enqueue(resource, {
      owner,
      now: clock.now(),
      waitDeadlineMs: clock.now() + 60_000,
      aliveUntilMs: clock.now() + aliveMs,
    });
  const granted = await store.tryAcquire(resource, { owner: 'ann', ttlMs: 5_000, now: clock.now() });
  if (granted.outcome !== 'granted') throw new Error(`expected a grant, got ${granted.outcome}`);
  const { lockId } = granted.lock;
  expect((await store.tryAcquire(resource, { owner: 'ann', ttlMs: 5_000, now: clock.now() })).outcome).toBe(
    'granted',
  );
  expect((await store.tryAcquire(resource, { owner: 'ben', ttlMs: 5_000, now: clock.now() })).outcome).toBe(
    'held',
  );
  await wait('dan', 1);
  const ben = await wait('ben', 30_000);
  await store.removeWaiter(await wait('cat', 30_000));
  expect(await store.touchWaiter(ben, clock.now() + 40_000)).toBe(true);
  await store.extend(resource, lockId, 10_000, clock.now());
  expect(await rejectionOf(store.extend(resource, 'stranger', 1_000, clock.now()))).toBeInstanceOf(
    LockLostError,
  );
  expect(await store.release(resource, lockId, clock.now())).toBe(1);
  expect(await store.release(resource, lockId, clock.now())).toBe(0);
  expect(await rejectionOf(store.release(resource, lockId, clock.now()))).toBeInstanceOf(NotLockOwnerError);
  clock.advanceMs(10);
  const handedOver = await store.tryAcquire(resource, {
    owner: 'ben',
    ttlMs: 5_000,
    now: clock.now(),
    waiter: ben,
  });
  expect(handedOver.outcome).toBe('granted');
  expect(await store.touchWaiter(ben, clock.now() + 40_000)).toBe(false);
  expect((await store.inspect(resource, clock.now())).holder?.owner).toBe('ben');
};

/** The L2 cache layer: set, hit, miss, an entry past its expiry, delete. */
export const cacheWorkload: TableWorkload = async ({ documentClient }) => {
  const clock = new ManualClock();
  const layer = new DynamoDbCacheLayer({ documentClient, tableName: CACHE_TABLE.localName, clock });
  const namespace = `iam${randomUUID().slice(0, 8)}`;
  const [key, brief] = [cacheKey(namespace, 'k'), cacheKey(namespace, 'brief')];
  await layer.set(key, { a: 1 }, 60);
  await layer.set(brief, 'soon gone', 1);
  expect((await layer.get(key))?.value).toEqual({ a: 1 });
  expect(await layer.get(cacheKey(namespace, 'never-set'))).toBeUndefined();
  clock.advanceSeconds(2);
  expect(await layer.get(brief)).toBeUndefined();
  await layer.delete(key);
  expect(await layer.get(key)).toBeUndefined();
};
