import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LOCK_TABLE } from '../../../../lambdas/contracts/tables/lock-table.js';
import { DynamoDbLockStore } from '../../../../lambdas/stores/locks/dynamodb/dynamodb-lock-store.js';
import { readLockPartition } from '../../../../lambdas/stores/locks/dynamodb/read-lock-partition.js';
import { reenterLease } from '../../../../lambdas/stores/locks/dynamodb/reenter-lease.js';
import { testDynamoClients } from '../../../support/dynamodb.js';

const table = LOCK_TABLE.localName;
const start = Date.UTC(2026, 0, 1);

/** A lease granted at `start` for one second, and the lease item as a caller read it then. */
const grantedAndRead = async () => {
  const { documentClient } = testDynamoClients();
  const resource = `lock-test/${randomUUID()}`;
  const store = new DynamoDbLockStore(documentClient, table);
  await store.tryAcquire(resource, { owner: 'alice', ttlMs: 1_000, now: start });
  const { lease } = await readLockPartition(documentClient, table, resource, start);
  if (lease === undefined) throw new Error('the grant wrote no lease');
  return { documentClient, resource, store, lease };
};

/**
 * The reentry write on DynamoDB Local, called directly with a lease read earlier: the expiry check sits in the
 * condition expression, so a lease that lapsed between the read and the write is never re-entered.
 */
describe('reenterLease on DynamoDB Local', () => {
  it('re-enters a lease that is still live at the time of the write', async () => {
    const { documentClient, resource, lease } = await grantedAndRead();
    const lock = await reenterLease(documentClient, table, resource, lease, 1_000, start + 500);
    expect(lock).toMatchObject({ lockId: lease.lockId, fencingToken: lease.fencingToken, reentrantCount: 2 });
    expect(lock?.expiresAt).toBe(start + 1_500);
  });

  it('refuses a lease that lapsed between the read and the write, leaving it untouched', async () => {
    const { documentClient, resource, store, lease } = await grantedAndRead();
    expect(await reenterLease(documentClient, table, resource, lease, 1_000, start + 1_001)).toBeUndefined();
    const after = await readLockPartition(documentClient, table, resource, start);
    expect(after.lease).toEqual(lease);
    expect(await store.release(resource, lease.lockId, start + 1_001)).toBe(0);
  });
});
