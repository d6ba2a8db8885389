import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { InvalidLockRequestError, StaleFencingTokenError } from '../../../lambdas/stores/locks/lock-error.js';
import { type LockAdapter, lockFixture, rejectionOf } from './lock-fixture.js';

/** A resource protected by fencing tokens refuses the writes of a holder whose lease passed on. */
export const fencingConformance = (adapter: LockAdapter): void => {
  it("accepts the holder's repeated writes and rejects a paused holder's stale token", async () => {
    const { resource, clock, locks } = lockFixture(adapter);
    const records = adapter.fenced();
    const record = `fenced-test/${randomUUID()}`;
    const paused = await locks.acquire(resource, { owner: 'alice', ttlSeconds: 1 });
    await records.write(record, paused.fencingToken, 'alice-1');
    await records.write(record, paused.fencingToken, 'alice-2');
    clock.advanceMs(1_001);
    const successor = await locks.acquire(resource, { owner: 'bob', ttlSeconds: 10 });
    await records.write(record, successor.fencingToken, 'bob-1');
    const stale = await rejectionOf(records.write(record, paused.fencingToken, 'alice-late'));
    expect(stale instanceof StaleFencingTokenError && stale).toMatchObject({
      code: 'STALE_FENCING_TOKEN',
      fencingToken: paused.fencingToken,
      lastFencingToken: successor.fencingToken,
    });
    expect(await records.read(record)).toEqual({ value: 'bob-1', lastFencingToken: successor.fencingToken });
  });

  it('accepts the first write to a record with any token', async () => {
    const records = adapter.fenced();
    const record = `fenced-test/${randomUUID()}`;
    expect(await records.read(record)).toBeUndefined();
    await records.write(record, 7, 'first');
    expect(await records.read(record)).toEqual({ value: 'first', lastFencingToken: 7 });
  });

  it('rejects a token that is not a positive integer before writing', async () => {
    const records = adapter.fenced();
    const record = `fenced-test/${randomUUID()}`;
    expect(await rejectionOf(records.write(record, 0, 'x'))).toBeInstanceOf(InvalidLockRequestError);
    expect(await rejectionOf(records.write(record, 1.5, 'x'))).toBeInstanceOf(InvalidLockRequestError);
    expect(await records.read(record)).toBeUndefined();
  });
};
