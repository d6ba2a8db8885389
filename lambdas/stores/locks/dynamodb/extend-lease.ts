import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { LOCK_ATTRIBUTES as A, LOCK_SORT_KEYS } from '../../../contracts/tables/lock-table.js';
import type { Lock } from '../lock.js';
import { LockLostError } from '../lock-error.js';
import { isConditionalCheckFailed } from './dynamodb-errors.js';
import { gcExpiresAt, lockKey, parseLease, toLock } from './lock-items.js';
import { readLockPartition } from './read-lock-partition.js';

/** One conditional update of the lease end; undefined when the condition failed. */
const moveLeaseEnd = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  resource: string,
  lockId: string,
  expiresAt: number,
  guard: { readonly live: number } | { readonly readLeaseEnd: number },
): Promise<Lock | undefined> => {
  const live = 'live' in guard;
  try {
    const { Attributes } = await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: lockKey(resource, LOCK_SORT_KEYS.lease),
        UpdateExpression: 'SET #leaseEnd = :leaseEnd, #ttl = :ttl',
        ConditionExpression: `#lockId = :lockId AND #leaseEnd ${live ? '>= :now' : '= :read'}`,
        ExpressionAttributeNames: {
          '#leaseEnd': A.leaseExpiresAtMs,
          '#ttl': A.expiresAt,
          '#lockId': A.lockId,
        },
        ExpressionAttributeValues: {
          ':leaseEnd': expiresAt,
          ':ttl': gcExpiresAt(expiresAt),
          ':lockId': lockId,
          ...('live' in guard ? { ':now': guard.live } : { ':read': guard.readLeaseEnd }),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return toLock(resource, parseLease(Attributes ?? {}));
  } catch (error) {
    if (isConditionalCheckFailed(error)) return undefined;
    throw error;
  }
};

/**
 * Heartbeat: the lease of grant `lockId` now ends at `now + ttlMs` (its TTL attribute moves with it). A live
 * lease of this grant is extended in one conditional update. A lease that lapsed but was not taken over is
 * still this grant (no newer token exists), yet it is the queue's to take: it is extended only when no live
 * waiter is queued (read consistently, then a write conditional on the lease end that was read), so a
 * heartbeat that comes late never serves its owner ahead of a waiter. Otherwise `LockLostError`.
 *
 * @example
 * ```ts
 * const lock = await extendLease(client, tableName, 'order/42', lock.lockId, 30_000, Date.now());
 * ```
 */
export const extendLease = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  resource: string,
  lockId: string,
  ttlMs: number,
  now: number,
): Promise<Lock> => {
  const expiresAt = now + ttlMs;
  const extended = await moveLeaseEnd(client, tableName, resource, lockId, expiresAt, { live: now });
  if (extended !== undefined) return extended;
  const { lease, head } = await readLockPartition(client, tableName, resource, now);
  const liveOwner = lease !== undefined && lease.expiresAt >= now ? lease.owner : undefined;
  if (lease?.lockId === lockId && lease.expiresAt < now && head === undefined) {
    const revived = await moveLeaseEnd(client, tableName, resource, lockId, expiresAt, {
      readLeaseEnd: lease.expiresAt,
    });
    if (revived !== undefined) return revived;
  }
  throw new LockLostError(resource, lockId, liveOwner);
};
