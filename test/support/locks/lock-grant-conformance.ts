import { expect, it } from 'vitest';
import {
  InvalidLockRequestError,
  LockHeldError,
  LockLostError,
  NotLockOwnerError,
} from '../../../lambdas/stores/locks/lock-error.js';
import { type LockAdapter, lockFixture, rejectionOf } from './lock-fixture.js';

/** Grant, reentry, release, extend, expiry and bad input: the non-waiting half of the lock contract. */
export const lockGrantConformance = (adapter: LockAdapter): void => {
  it('grants a free lock with the first fencing token and a lease of ttlSeconds', async () => {
    const { resource, clock, locks } = lockFixture(adapter);
    const lock = await locks.acquire(resource, { owner: 'alice', ttlSeconds: 30 });
    expect(lock).toMatchObject({ resource, owner: 'alice', fencingToken: 1, reentrantCount: 1 });
    expect(lock.expiresAt).toBe(clock.now() + 30_000);
    expect(lock.lockId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('defaults the lease to 300 seconds', async () => {
    const { resource, clock, locks } = lockFixture(adapter);
    const lock = await locks.acquire(resource, { owner: 'alice' });
    expect(lock.expiresAt).toBe(clock.now() + 300_000);
  });

  it('re-enters for the same owner with the same lockId and token, and frees only at the last release', async () => {
    const { resource, locks } = lockFixture(adapter);
    const outer = await locks.acquire(resource, { owner: 'alice' });
    const inner = await locks.acquire(resource, { owner: 'alice' });
    expect(inner).toMatchObject({
      lockId: outer.lockId,
      fencingToken: outer.fencingToken,
      reentrantCount: 2,
    });
    expect(await locks.release(resource, inner.lockId)).toEqual({ reentrantCount: 1, freed: false });
    expect((await locks.inspect(resource)).holder).toMatchObject({ owner: 'alice', reentrantCount: 1 });
    expect(await locks.release(resource, outer.lockId)).toEqual({ reentrantCount: 0, freed: true });
    expect((await locks.inspect(resource)).holder).toBeUndefined();
  });

  it('refuses another owner at once when it does not wait', async () => {
    const { resource, locks } = lockFixture(adapter);
    const held = await locks.acquire(resource, { owner: 'alice', ttlSeconds: 60 });
    const error = await rejectionOf(locks.acquire(resource, { owner: 'bob' }));
    expect(error instanceof LockHeldError && error).toMatchObject({
      code: 'LOCK_HELD',
      resource,
      requester: 'bob',
      holder: 'alice',
      holderExpiresAt: held.expiresAt,
    });
    expect((await locks.inspect(resource)).holder).toMatchObject({ owner: 'alice', fencingToken: 1 });
  });

  it('lets only the owner release', async () => {
    const { resource, locks } = lockFixture(adapter);
    await locks.acquire(resource, { owner: 'alice' });
    const error = await rejectionOf(locks.release(resource, 'not-alices-lock-id'));
    expect(error instanceof NotLockOwnerError && error).toMatchObject({
      code: 'NOT_LOCK_OWNER',
      currentOwner: 'alice',
    });
    expect((await locks.inspect(resource)).holder).toMatchObject({ owner: 'alice', reentrantCount: 1 });
  });

  it('refuses a second release of a freed lock', async () => {
    const { resource, locks } = lockFixture(adapter);
    const lock = await locks.acquire(resource, { owner: 'alice' });
    await locks.release(resource, lock.lockId);
    const error = await rejectionOf(locks.release(resource, lock.lockId));
    expect(error instanceof NotLockOwnerError && error).toMatchObject({
      lockId: lock.lockId,
      currentOwner: undefined,
    });
  });

  it("takes over a crashed holder's lock when its lease ends, with a newer token", async () => {
    const { resource, clock, locks } = lockFixture(adapter);
    const crashed = await locks.acquire(resource, { owner: 'alice', ttlSeconds: 2 });
    clock.advanceMs(2_000);
    expect(await rejectionOf(locks.acquire(resource, { owner: 'bob' }))).toBeInstanceOf(LockHeldError);
    clock.advanceMs(1);
    const successor = await locks.acquire(resource, { owner: 'bob', ttlSeconds: 2 });
    expect(successor.fencingToken).toBeGreaterThan(crashed.fencingToken);
    const lost = await rejectionOf(locks.extend(resource, crashed.lockId, 60));
    expect(lost instanceof LockLostError && lost).toMatchObject({ code: 'LOCK_LOST', currentOwner: 'bob' });
    expect(await rejectionOf(locks.release(resource, crashed.lockId))).toBeInstanceOf(NotLockOwnerError);
    expect((await locks.inspect(resource)).holder).toMatchObject({ owner: 'bob', fencingToken: 2 });
  });

  it('gives an owner back after its lease ended a fresh grant, not a reentry of the lapsed one', async () => {
    const { resource, clock, locks } = lockFixture(adapter);
    const lapsed = await locks.acquire(resource, { owner: 'alice', ttlSeconds: 1 });
    await locks.acquire(resource, { owner: 'alice', ttlSeconds: 1 });
    clock.advanceMs(1_001);
    const fresh = await locks.acquire(resource, { owner: 'alice', ttlSeconds: 10 });
    expect(fresh).toMatchObject({ owner: 'alice', reentrantCount: 1, expiresAt: clock.now() + 10_000 });
    expect(fresh.fencingToken).toBeGreaterThan(lapsed.fencingToken);
    expect(fresh.lockId).not.toBe(lapsed.lockId);
    expect(await rejectionOf(locks.release(resource, lapsed.lockId))).toBeInstanceOf(NotLockOwnerError);
    expect(await locks.release(resource, fresh.lockId)).toEqual({ reentrantCount: 0, freed: true });
    expect((await locks.inspect(resource)).holder).toBeUndefined();
  });

  it('extends the lease on heartbeat, keeping lockId and token', async () => {
    const { resource, clock, locks } = lockFixture(adapter);
    const lock = await locks.acquire(resource, { owner: 'alice', ttlSeconds: 2 });
    clock.advanceMs(1_500);
    const extended = await locks.extend(resource, lock.lockId, 2);
    expect(extended).toMatchObject({ lockId: lock.lockId, fencingToken: 1, expiresAt: clock.now() + 2_000 });
    clock.advanceMs(1_500);
    expect(await rejectionOf(locks.acquire(resource, { owner: 'bob' }))).toBeInstanceOf(LockHeldError);
  });

  it('still counts a lapsed lease nobody took over as the same grant', async () => {
    const { resource, clock, locks } = lockFixture(adapter);
    const lock = await locks.acquire(resource, { owner: 'alice', ttlSeconds: 1 });
    clock.advanceMs(5_000);
    expect((await locks.inspect(resource)).holder).toBeUndefined();
    await locks.extend(resource, lock.lockId, 10);
    expect((await locks.inspect(resource)).holder).toMatchObject({ owner: 'alice', fencingToken: 1 });
    expect((await locks.release(resource, lock.lockId)).freed).toBe(true);
  });

  it('never repeats a token across refused attempts and concurrent races', async () => {
    const { resource, locks } = lockFixture(adapter);
    const first = await locks.acquire(resource, { owner: 'alice' });
    await rejectionOf(locks.acquire(resource, { owner: 'bob' }));
    await locks.release(resource, first.lockId);
    const racers = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
    const results = await Promise.allSettled(racers.map((owner) => locks.acquire(resource, { owner })));
    const winners = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    expect(winners).toHaveLength(1);
    expect(winners[0]?.fencingToken).toBeGreaterThan(first.fencingToken);
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(LockHeldError);
    }
  });

  it.each([
    ['an empty resource', '', { owner: 'alice' }, 'resource'],
    ['an empty owner', 'r', { owner: '' }, 'owner'],
    ['a zero TTL', 'r', { owner: 'alice', ttlSeconds: 0 }, 'ttlSeconds'],
    ['a negative TTL', 'r', { owner: 'alice', ttlSeconds: -5 }, 'ttlSeconds'],
    ['a NaN TTL', 'r', { owner: 'alice', ttlSeconds: Number.NaN }, 'ttlSeconds'],
    [
      'an infinite wait timeout',
      'r',
      { owner: 'alice', wait: true, waitTimeoutMs: Infinity },
      'waitTimeoutMs',
    ],
    ['an owner over 256 bytes', 'r', { owner: 'ö'.repeat(129) }, 'owner'],
  ])('rejects %s with a typed error and writes nothing', async (_case, name, options, field) => {
    const { resource, locks } = lockFixture(adapter);
    const target = name === '' ? '' : `${resource}/${name}`;
    const error = await rejectionOf(locks.acquire(target, options));
    expect(error instanceof InvalidLockRequestError && error).toMatchObject({
      code: 'INVALID_LOCK_REQUEST',
      field,
    });
    if (target !== '')
      expect(await locks.inspect(target)).toEqual({ resource: target, holder: undefined, waiters: [] });
  });

  it('rejects an empty lock id and a bad heartbeat TTL with typed errors', async () => {
    const { resource, locks } = lockFixture(adapter);
    const lock = await locks.acquire(resource, { owner: 'alice' });
    expect(await rejectionOf(locks.release(resource, ''))).toBeInstanceOf(InvalidLockRequestError);
    expect(await rejectionOf(locks.extend(resource, lock.lockId, -1))).toBeInstanceOf(
      InvalidLockRequestError,
    );
    expect((await locks.inspect(resource)).holder).toMatchObject({
      owner: 'alice',
      expiresAt: lock.expiresAt,
    });
  });
};
