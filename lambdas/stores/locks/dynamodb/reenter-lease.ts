import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { LOCK_ATTRIBUTES as A, LOCK_SORT_KEYS } from '../../../contracts/tables/lock-table.js';
import type { Lock } from '../lock.js';
import { isConditionalCheckFailed } from './dynamodb-errors.js';
import { gcExpiresAt, type LeaseItem, lockKey, parseLease, toLock } from './lock-items.js';

/**
 * Reentry by the owner of a live lease: count + 1, lockId and token unchanged, and the lease never shortened
 * (it ends at the later of its current end and `now + ttlMs`). Conditional on exactly the lease that was read,
 * so a concurrent release, extend or takeover makes this return undefined and the caller decides again. The
 * condition also demands `#leaseEnd >= :now`: a lapsed lease is never re-entered, whatever the caller read,
 * because its owner must then queue like anyone else and start a fresh grant.
 *
 * @example
 * ```ts
 * const lock = await reenterLease(client, tableName, 'order/42', lease, 30_000, Date.now());
 * ```
 */
export const reenterLease = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  resource: string,
  lease: LeaseItem,
  ttlMs: number,
  now: number,
): Promise<Lock | undefined> => {
  const expiresAt = Math.max(lease.expiresAt, now + ttlMs);
  try {
    const { Attributes } = await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: lockKey(resource, LOCK_SORT_KEYS.lease),
        UpdateExpression: 'SET #count = #count + :one, #leaseEnd = :leaseEnd, #ttl = :ttl',
        ConditionExpression:
          '#lockId = :lockId AND #count = :count AND #leaseEnd = :readLeaseEnd AND #leaseEnd >= :now',
        ExpressionAttributeNames: {
          '#count': A.reentrantCount,
          '#leaseEnd': A.leaseExpiresAtMs,
          '#ttl': A.expiresAt,
          '#lockId': A.lockId,
        },
        ExpressionAttributeValues: {
          ':one': 1,
          ':leaseEnd': expiresAt,
          ':ttl': gcExpiresAt(expiresAt),
          ':lockId': lease.lockId,
          ':count': lease.reentrantCount,
          ':readLeaseEnd': lease.expiresAt,
          ':now': now,
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
