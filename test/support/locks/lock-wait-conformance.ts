import { expect, it } from 'vitest';
import {
  LockHeldError,
  LockLostError,
  LockWaitTimeoutError,
} from '../../../lambdas/stores/locks/lock-error.js';
import type { LockManager } from '../../../lambdas/stores/locks/lock-manager.js';
import { eventually, type LockAdapter, lockFixture, rejectionOf, tracked } from './lock-fixture.js';

const queued = (locks: LockManager, resource: string, count: number) => async (): Promise<boolean> =>
  (await locks.inspect(resource)).waiters.length === count;

/** FIFO waiting, notification, timeouts and crashed waiters: the waiting half of the lock contract. */
export const lockWaitConformance = (adapter: LockAdapter): void => {
  it('hands the lock to a waiter when the holder releases, with the next token', async () => {
    const { resource, locks } = lockFixture(adapter);
    const held = await locks.acquire(resource, { owner: 'alice' });
    const waiting = tracked(locks.acquire(resource, { owner: 'bob', wait: true }));
    await eventually('bob is queued', queued(locks, resource, 1));
    expect(waiting.settled()).toBe(false);
    await locks.release(resource, held.lockId);
    const granted = await waiting.promise;
    expect(granted).toMatchObject({ owner: 'bob', fencingToken: held.fencingToken + 1, reentrantCount: 1 });
    expect(await locks.inspect(resource)).toMatchObject({ holder: { owner: 'bob' }, waiters: [] });
  });

  it('serves waiters first in, first out', async () => {
    const { resource, locks } = lockFixture(adapter);
    let current = await locks.acquire(resource, { owner: 'alice' });
    const order: string[] = [];
    const waiters = ['bob', 'carol', 'dave'].map((owner, index) => ({ owner, index }));
    const pending = [];
    for (const { owner, index } of waiters) {
      pending.push(
        locks.acquire(resource, { owner, wait: true }).then((lock) => {
          order.push(lock.owner);
          return lock;
        }),
      );
      await eventually(`${owner} is queued`, queued(locks, resource, index + 1));
    }
    expect((await locks.inspect(resource)).waiters.map((waiter) => waiter.owner)).toEqual([
      'bob',
      'carol',
      'dave',
    ]);
    for (const next of pending) {
      await locks.release(resource, current.lockId);
      current = await next;
    }
    expect(order).toEqual(['bob', 'carol', 'dave']);
    expect(current.fencingToken).toBe(4);
  });

  it('times a waiter out with a typed error and skips it', async () => {
    const { resource, clock, locks } = lockFixture(adapter);
    const held = await locks.acquire(resource, { owner: 'alice' });
    const impatient = locks.acquire(resource, { owner: 'bob', wait: true, waitTimeoutMs: 1_000 });
    await eventually('bob is queued', queued(locks, resource, 1));
    const patient = locks.acquire(resource, { owner: 'carol', wait: true, waitTimeoutMs: 60_000 });
    await eventually('carol is queued', queued(locks, resource, 2));
    clock.advanceMs(1_000);
    const timeout = await rejectionOf(impatient);
    expect(timeout instanceof LockWaitTimeoutError && timeout).toMatchObject({
      code: 'LOCK_WAIT_TIMEOUT',
      owner: 'bob',
      waitTimeoutMs: 1_000,
    });
    await locks.release(resource, held.lockId);
    expect(await patient).toMatchObject({ owner: 'carol' });
    expect((await locks.inspect(resource)).waiters).toEqual([]);
  });

  it("gives a waiting caller a crashed holder's lock when the lease ends", async () => {
    const { resource, clock, locks } = lockFixture(adapter);
    await locks.acquire(resource, { owner: 'crashed', ttlSeconds: 1 });
    const waiting = tracked(locks.acquire(resource, { owner: 'bob', wait: true }));
    await eventually('bob is queued', queued(locks, resource, 1));
    clock.advanceMs(1_001);
    expect(await waiting.promise).toMatchObject({ owner: 'bob', fencingToken: 2 });
  });

  it('skips a waiter that crashed (stopped heartbeating) once its liveness lapses', async () => {
    const { resource, clock, store, locks } = lockFixture(adapter);
    const held = await locks.acquire(resource, { owner: 'alice' });
    const now = clock.now();
    await store.enqueue(resource, {
      owner: 'ghost',
      now,
      waitDeadlineMs: now + 60_000,
      aliveUntilMs: now + 1_000,
    });
    const waiting = tracked(locks.acquire(resource, { owner: 'bob', wait: true }));
    await eventually('bob is queued behind the ghost', queued(locks, resource, 2));
    await locks.release(resource, held.lockId);
    const barging = await rejectionOf(locks.acquire(resource, { owner: 'carol' }));
    expect(barging instanceof LockHeldError && barging.holder).toBeUndefined();
    expect(waiting.settled()).toBe(false);
    clock.advanceMs(1_000);
    expect(await waiting.promise).toMatchObject({ owner: 'bob' });
    expect((await locks.inspect(resource)).waiters).toEqual([]);
  });

  it('does not let a caller that does not wait jump the queue of another process', async () => {
    const { resource, locks, manager } = lockFixture(adapter);
    const otherProcess = manager({ pollIntervalMs: 300, maxPollIntervalMs: 300 });
    const held = await locks.acquire(resource, { owner: 'alice' });
    const waiting = otherProcess.acquire(resource, { owner: 'bob', wait: true });
    await eventually('bob is queued', queued(locks, resource, 1));
    await locks.release(resource, held.lockId);
    const barging = await rejectionOf(locks.acquire(resource, { owner: 'carol' }));
    expect(barging).toBeInstanceOf(LockHeldError);
    expect(await waiting).toMatchObject({ owner: 'bob' });
  });

  it('serves a live waiter before an owner that comes back after its lease ended', async () => {
    const { resource, clock, locks, manager } = lockFixture(adapter);
    const otherProcess = manager({ pollIntervalMs: 300, maxPollIntervalMs: 300 });
    const lapsed = await locks.acquire(resource, { owner: 'alice', ttlSeconds: 1 });
    const waiting = otherProcess.acquire(resource, { owner: 'bob', wait: true });
    await eventually('bob is queued', queued(locks, resource, 1));
    clock.advanceMs(1_001);
    expect(await rejectionOf(locks.acquire(resource, { owner: 'alice' }))).toBeInstanceOf(LockHeldError);
    const next = locks.acquire(resource, { owner: 'alice', wait: true });
    const granted = await waiting;
    expect(granted).toMatchObject({ owner: 'bob', fencingToken: lapsed.fencingToken + 1, reentrantCount: 1 });
    await locks.release(resource, granted.lockId);
    expect(await next).toMatchObject({
      owner: 'alice',
      fencingToken: granted.fencingToken + 1,
      reentrantCount: 1,
    });
  });

  it('refuses to extend a lapsed lease while a live waiter is queued, so the waiter gets the lock next', async () => {
    const { resource, clock, store, locks } = lockFixture(adapter);
    const lapsed = await locks.acquire(resource, { owner: 'alice', ttlSeconds: 1 });
    const now = clock.now();
    const ticket = await store.enqueue(resource, {
      owner: 'bob',
      now,
      waitDeadlineMs: now + 60_000,
      aliveUntilMs: now + 60_000,
    });
    clock.advanceMs(1_001);
    const lost = await rejectionOf(locks.extend(resource, lapsed.lockId, 60));
    expect(lost instanceof LockLostError && lost).toMatchObject({
      code: 'LOCK_LOST',
      currentOwner: undefined,
    });
    const next = await store.tryAcquire(resource, {
      owner: 'bob',
      ttlMs: 1_000,
      now: clock.now(),
      waiter: ticket,
    });
    expect(next).toMatchObject({
      outcome: 'granted',
      lock: { owner: 'bob', fencingToken: lapsed.fencingToken + 1 },
    });
  });

  it('re-enters at once when the waiting caller already holds the lock', async () => {
    const { resource, locks } = lockFixture(adapter);
    const held = await locks.acquire(resource, { owner: 'alice' });
    const again = await locks.acquire(resource, { owner: 'alice', wait: true });
    expect(again).toMatchObject({ lockId: held.lockId, reentrantCount: 2 });
  });

  it('releases after the work of withLock, also when the work throws', async () => {
    const { resource, locks } = lockFixture(adapter);
    const failure = new Error('work failed');
    expect(
      await rejectionOf(locks.withLock(resource, { owner: 'alice' }, () => Promise.reject(failure))),
    ).toBe(failure);
    const result = await locks.withLock(resource, { owner: 'bob' }, async (lock) => lock.fencingToken);
    expect(result).toBe(2);
    expect((await locks.inspect(resource)).holder).toBeUndefined();
  });
};
