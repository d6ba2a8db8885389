import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { LOCK_ATTRIBUTES as A, LOCK_SORT_KEYS } from '../../../contracts/tables/lock-table.js';
import { CorruptLockItemError, LockContentionError, NotLockOwnerError } from '../lock-error.js';
import { isConditionalCheckFailed } from './dynamodb-errors.js';
import { type LeaseItem, lockKey, parseLease } from './lock-items.js';

const readLease = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  resource: string,
): Promise<LeaseItem | undefined> => {
  const { Item } = await client.send(
    new GetCommand({
      TableName: tableName,
      Key: lockKey(resource, LOCK_SORT_KEYS.lease),
      ConsistentRead: true,
    }),
  );
  return Item === undefined ? undefined : parseLease(Item);
};

/** The owner of the lease if it is live at `now` (for error messages after a refused write). */
export const liveLeaseOwner = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  resource: string,
  now: number,
): Promise<string | undefined> => {
  const lease = await readLease(client, tableName, resource);
  return lease !== undefined && lease.expiresAt >= now ? lease.owner : undefined;
};

/**
 * Release by the grant's `lockId`: the common case (count 1) is one conditional DeleteItem. Only when that
 * condition fails is the lease read: another grant or none → `NotLockOwnerError`; a reentrant count above 1
 * → count down, conditional on the exact count read so two releases never both count the same hold. A lease
 * that lapsed without a takeover still belongs to this grant, so its release succeeds. Returns what remains.
 *
 * @example
 * ```ts
 * const remaining = await releaseLease(client, tableName, 'order/42', lock.lockId, Date.now(), 8); // 0 = free
 * ```
 */
export const releaseLease = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  resource: string,
  lockId: string,
  now: number,
  maxAttempts: number,
): Promise<number> => {
  const key = lockKey(resource, LOCK_SORT_KEYS.lease);
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    try {
      await client.send(
        new DeleteCommand({
          TableName: tableName,
          Key: key,
          ConditionExpression: '#lockId = :lockId AND #count <= :one',
          ExpressionAttributeNames: { '#lockId': A.lockId, '#count': A.reentrantCount },
          ExpressionAttributeValues: { ':lockId': lockId, ':one': 1 },
        }),
      );
      return 0;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      const lease = await readLease(client, tableName, resource);
      if (lease === undefined || lease.lockId !== lockId) {
        const owner = lease !== undefined && lease.expiresAt >= now ? lease.owner : undefined;
        throw new NotLockOwnerError(resource, lockId, owner, { cause: error });
      }
      if (lease.reentrantCount <= 1) continue;
      try {
        const { Attributes } = await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key,
            UpdateExpression: 'SET #count = #count - :one',
            ConditionExpression: '#lockId = :lockId AND #count = :count',
            ExpressionAttributeNames: { '#lockId': A.lockId, '#count': A.reentrantCount },
            ExpressionAttributeValues: { ':lockId': lockId, ':one': 1, ':count': lease.reentrantCount },
            ReturnValues: 'UPDATED_NEW',
          }),
        );
        const remaining = Attributes?.[A.reentrantCount];
        if (typeof remaining !== 'number')
          throw new CorruptLockItemError(resource, LOCK_SORT_KEYS.lease, A.reentrantCount);
        return remaining;
      } catch (countError) {
        if (!isConditionalCheckFailed(countError)) throw countError;
      }
    }
  }
  throw new LockContentionError(resource, maxAttempts);
};
