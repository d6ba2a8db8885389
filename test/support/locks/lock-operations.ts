import fc from 'fast-check';
import { expect } from 'vitest';
import type { FencedResource } from '../../../lambdas/stores/locks/fenced-resource-port.js';
import {
  LockHeldError,
  LockLostError,
  NotLockOwnerError,
  StaleFencingTokenError,
} from '../../../lambdas/stores/locks/lock-error.js';
import type { LockManager } from '../../../lambdas/stores/locks/lock-manager.js';
import type { ManualClock } from '../manual-clock.js';
import { rejectionOf } from './lock-fixture.js';
import type { LockModel } from './lock-model.js';

const OWNERS = ['ann', 'ben', 'cat', 'dan'] as const;
type Owner = (typeof OWNERS)[number];

export type LockOperation =
  | { readonly kind: 'acquire'; readonly owner: Owner; readonly ttlSeconds: number }
  | { readonly kind: 'release'; readonly owner: Owner }
  | { readonly kind: 'extend'; readonly owner: Owner; readonly ttlSeconds: number }
  | { readonly kind: 'write'; readonly owner: Owner }
  | { readonly kind: 'advance'; readonly ms: number }
  /** The owner's process stops (GC pause, frozen container) until just past its lease end. */
  | { readonly kind: 'pause'; readonly owner: Owner }
  /** Several owners try at the same instant; the store alone decides. */
  | { readonly kind: 'race'; readonly owners: readonly Owner[] };

const owner = fc.constantFrom(...OWNERS);
const ttlSeconds = fc.constantFrom(1, 2);

export const lockOperation: fc.Arbitrary<LockOperation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('acquire' as const), owner, ttlSeconds }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('release' as const), owner }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('extend' as const), owner, ttlSeconds }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('write' as const), owner }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 2_500 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const), owner }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('race' as const),
      owners: fc.uniqueArray(owner, { minLength: 2, maxLength: 4 }),
    }),
  },
);

export interface LockWorld {
  readonly resource: string;
  readonly record: string;
  readonly clock: ManualClock;
  readonly locks: LockManager;
  readonly fenced: FencedResource;
  readonly model: LockModel;
}

/** Every fresh grant is followed by a write, as a fenced holder does: from then on older tokens are stale. */
const touch = async (world: LockWorld, token: number): Promise<void> => {
  await world.fenced.write(world.record, token, `token-${token}`);
  world.model.accepted(token);
};

const acquire = async (world: LockWorld, who: Owner, ttl: number): Promise<void> => {
  const { locks, model, clock, resource } = world;
  const expected = model.acquireOutcome(who, clock.now());
  if (expected === 'held') {
    expect(await rejectionOf(locks.acquire(resource, { owner: who, ttlSeconds: ttl }))).toBeInstanceOf(
      LockHeldError,
    );
    return;
  }
  const previous = model.lastLock(who);
  const lock = await locks.acquire(resource, { owner: who, ttlSeconds: ttl });
  if (expected === 'reenter') {
    expect(lock).toMatchObject({ lockId: previous?.lockId, fencingToken: previous?.fencingToken });
    model.reentered(lock);
    return;
  }
  expect(lock.reentrantCount).toBe(1);
  expect(lock.fencingToken).toBeGreaterThan(model.latestToken);
  model.granted(lock);
  await touch(world, lock.fencingToken);
};

const race = async (world: LockWorld, owners: readonly Owner[]): Promise<void> => {
  const { locks, model, clock, resource } = world;
  const contenders = owners.filter((who) => who !== model.liveOwner(clock.now()));
  const free = model.isFree(clock.now());
  const results = await Promise.allSettled(
    contenders.map((who) => locks.acquire(resource, { owner: who, ttlSeconds: 2 })),
  );
  const winners = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  expect(winners).toHaveLength(free && contenders.length > 0 ? 1 : 0);
  for (const result of results)
    if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(LockHeldError);
  const [winner] = winners;
  if (winner === undefined) return;
  expect(winner.fencingToken).toBeGreaterThan(model.latestToken);
  model.granted(winner);
  await touch(world, winner.fencingToken);
};

/** Applies one operation to the real store and checks its result against the model. */
export const runLockOperation = async (world: LockWorld, operation: LockOperation): Promise<void> => {
  const { locks, model, clock, resource } = world;
  switch (operation.kind) {
    case 'acquire':
      return acquire(world, operation.owner, operation.ttlSeconds);
    case 'race':
      return race(world, operation.owners);
    case 'advance':
      clock.advanceMs(operation.ms);
      return;
    case 'pause': {
      const lock = model.lastLock(operation.owner);
      if (lock !== undefined) clock.advanceMs(Math.max(0, lock.expiresAt - clock.now()) + 1);
      return;
    }
    case 'release': {
      const lock = model.lastLock(operation.owner);
      if (lock === undefined) return;
      if (!model.ownsCurrentGrant(operation.owner)) {
        expect(await rejectionOf(locks.release(resource, lock.lockId))).toBeInstanceOf(NotLockOwnerError);
        return;
      }
      await locks.release(resource, lock.lockId);
      model.released();
      return;
    }
    case 'extend': {
      const lock = model.lastLock(operation.owner);
      if (lock === undefined) return;
      if (!model.ownsCurrentGrant(operation.owner)) {
        expect(
          (await rejectionOf(locks.extend(resource, lock.lockId, operation.ttlSeconds))) instanceof
            LockLostError,
        ).toBe(true);
        return;
      }
      const extended = await locks.extend(resource, lock.lockId, operation.ttlSeconds);
      expect(extended.expiresAt).toBe(clock.now() + operation.ttlSeconds * 1000);
      model.extended(extended.expiresAt);
      return;
    }
    case 'write': {
      const token = model.lastLock(operation.owner)?.fencingToken;
      if (token === undefined) return;
      if (!model.writeAccepted(operation.owner)) {
        const stale = await rejectionOf(world.fenced.write(world.record, token, `late-${token}`));
        expect(stale).toBeInstanceOf(StaleFencingTokenError);
        return;
      }
      await world.fenced.write(world.record, token, `token-${token}`);
      model.accepted(token);
      return;
    }
  }
};
