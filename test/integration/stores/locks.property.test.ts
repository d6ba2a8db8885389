import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DYNAMODB_LOCKS, IN_MEMORY_LOCKS, lockFixture } from '../../support/locks/lock-fixture.js';
import { LockModel } from '../../support/locks/lock-model.js';
import { type LockWorld, lockOperation, runLockOperation } from '../../support/locks/lock-operations.js';

/**
 * Random interleavings of acquire, release, extend, fenced writes, clock moves, holders paused past their
 * lease and concurrent races, checked step by step against a reference model. After every step the store
 * reports exactly the holder the model expects (so never two), every fresh grant's token is above all earlier
 * ones, and every write with a token older than the newest grant is rejected. DynamoDB Local is the point;
 * the in-memory adapter runs the same property for parity.
 */
describe.each([
  { adapter: DYNAMODB_LOCKS, numRuns: 40 },
  { adapter: IN_MEMORY_LOCKS, numRuns: 200 },
])('fenced lock properties on $adapter.name', ({ adapter, numRuns }) => {
  it('never shows two holders, tokens strictly increase, stale-token writes are rejected', async () => {
    const store = adapter.store();
    const fenced = adapter.fenced();
    await fc.assert(
      fc.asyncProperty(fc.array(lockOperation, { minLength: 1, maxLength: 25 }), async (operations) => {
        const { resource, clock, locks } = lockFixture(adapter, store);
        const world: LockWorld = {
          resource,
          record: `fenced-test/${randomUUID()}`,
          clock,
          locks,
          fenced,
          model: new LockModel(),
        };
        for (const operation of operations) {
          await runLockOperation(world, operation);
          const snapshot = await locks.inspect(resource);
          expect(snapshot.holder).toEqual(world.model.expectedHolder(clock.now()));
        }
      }),
      { numRuns },
    );
  }, 60_000);
});
