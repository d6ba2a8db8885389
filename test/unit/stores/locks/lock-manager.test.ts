import { describe, expect, it } from 'vitest';
import { InMemoryLockStore } from '../../../../lambdas/stores/locks/in-memory/in-memory-lock-store.js';
import { LockManager } from '../../../../lambdas/stores/locks/lock-manager.js';
import type { LockGrantRequest, LockGrantResult } from '../../../../lambdas/stores/locks/lock-store-port.js';
import { eventually, rejectionOf } from '../../../support/locks/lock-fixture.js';
import { ManualClock } from '../../../support/manual-clock.js';

/** Fails the first attempt a queued waiter makes, as a throttled or unreachable table would. */
class FailingWaiterStore extends InMemoryLockStore {
  readonly failure = new Error('connect ECONNREFUSED');

  override async tryAcquire(resource: string, request: LockGrantRequest): Promise<LockGrantResult> {
    if (request.waiter !== undefined) throw this.failure;
    return super.tryAcquire(resource, request);
  }
}

const setup = (store = new InMemoryLockStore()) => {
  const clock = new ManualClock();
  const locks = new LockManager(store, {
    clock,
    pollIntervalMs: 1,
    maxPollIntervalMs: 5,
    waiterLivenessMs: 1_000,
  });
  return { clock, store, locks };
};

describe('LockManager waiting', () => {
  it('loses its place when its entry was judged dead, re-joins, and still gets the lock', async () => {
    const { store, locks } = setup();
    const held = await locks.acquire('r', { owner: 'alice' });
    const bob = locks.acquire('r', { owner: 'bob', wait: true });
    await eventually('bob is queued', async () => (await locks.inspect('r')).waiters.length === 1);
    await store.removeWaiter({ resource: 'r', owner: 'bob', seq: 1 });
    const carol = locks.acquire('r', { owner: 'carol', wait: true });
    await eventually('carol is queued', async () => (await locks.inspect('r')).waiters[0]?.owner === 'carol');
    await locks.release('r', held.lockId);
    const carolsLock = await carol;
    expect(carolsLock).toMatchObject({ owner: 'carol', fencingToken: 2 });
    await locks.release('r', carolsLock.lockId);
    expect(await bob).toMatchObject({ owner: 'bob', fencingToken: 3 });
  });

  it('refreshes its liveness before it lapses, so a long wait is never skipped', async () => {
    const { clock, locks } = setup();
    await locks.acquire('r', { owner: 'alice' });
    const waiting = locks.acquire('r', { owner: 'bob', wait: true, waitTimeoutMs: 60_000 });
    await eventually('bob is queued', async () => (await locks.inspect('r')).waiters.length === 1);
    for (let step = 0; step < 5; step += 1) {
      clock.advanceMs(600);
      await eventually('bob heartbeated', async () => {
        const [bob] = (await locks.inspect('r')).waiters;
        return bob !== undefined && bob.aliveUntilMs - clock.now() > 500;
      });
    }
    clock.advanceMs(60_000);
    expect(await rejectionOf(waiting)).toMatchObject({ code: 'LOCK_WAIT_TIMEOUT' });
  });

  it('leaves the queue and surfaces the store error that ended the wait', async () => {
    const store = new FailingWaiterStore();
    const { locks } = setup(store);
    await locks.acquire('r', { owner: 'alice' });
    expect(await rejectionOf(locks.acquire('r', { owner: 'bob', wait: true }))).toBe(store.failure);
    expect((await locks.inspect('r')).waiters).toEqual([]);
  });
});
