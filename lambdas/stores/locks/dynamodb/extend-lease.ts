import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { LOCK_ATTRIBUTES as A, LOCK_SORT_KEYS } from '../../../contracts/tables/lock-table.js';
import type { Lock } from '../lock.js';
import { LockLostError } from '../lock-error.js';
import { isConditionalCheckFailed } from './dynamodb-errors.js';
import { gcExpiresAt, lockKey, parseLease, toLock } from './lock-items.js';
import { liveLeaseOwner } from './release-lease.js';

/**
 * Heartbeat: the lease of grant `lockId` now ends at `now + ttlMs` (its TTL attribute moves with it). The
 * condition names only the grant: a lease that lapsed but was not taken over is still this grant — no newer
 * token exists — so extending it is safe. Any other grant, or none, is `LockLostError`.
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
  try {
    const { Attributes } = await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: lockKey(resource, LOCK_SORT_KEYS.lease),
        UpdateExpression: 'SET #leaseEnd = :leaseEnd, #ttl = :ttl',
        ConditionExpression: '#lockId = :lockId',
        ExpressionAttributeNames: {
          '#leaseEnd': A.leaseExpiresAtMs,
          '#ttl': A.expiresAt,
          '#lockId': A.lockId,
        },
        ExpressionAttributeValues: {
          ':leaseEnd': expiresAt,
          ':ttl': gcExpiresAt(expiresAt),
          ':lockId': lockId,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return toLock(resource, parseLease(Attributes ?? {}));
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    const owner = await liveLeaseOwner(client, tableName, resource, now);
    throw new LockLostError(resource, lockId, owner, { cause: error });
  }
};
