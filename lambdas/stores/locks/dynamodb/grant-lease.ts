import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { LOCK_ATTRIBUTES as A, LOCK_SORT_KEYS } from '../../../contracts/tables/lock-table.js';
import type { Lock } from '../lock.js';
import type { WaiterTicket } from '../lock-store-port.js';
import { isTransactionCanceled } from './dynamodb-errors.js';
import { type LeaseItem, leaseItem, lockKey, toLock, waiterSortKey } from './lock-items.js';

export interface GrantRequest {
  readonly owner: string;
  readonly ttlMs: number;
  readonly now: number;
  /** The counter value read just before; the grant takes `readFencingToken + 1`. */
  readonly readFencingToken: number;
  readonly waiter: WaiterTicket | undefined;
}

/**
 * Writes a fresh grant in ONE TransactWriteItems, or nothing:
 * 1. the fencing counter moves from the value just read to +1 (a condition, not a blind ADD: the lease must
 *    carry the new token and a transaction returns no values; the condition also fails if anyone else was
 *    granted since the read, so grant order is token order);
 * 2. the lease is put only if there is none or it has ended — `expiresAt < :now` with the caller's clock,
 *    so a crashed holder is replaced when its lease ends, not when TTL deletes the item;
 * 3. a waiter's queue entry is deleted (it must still exist), so dequeue and grant cannot come apart.
 * A token is therefore never repeated and never skipped, even when an attempt fails halfway: a cancelled
 * transaction writes nothing. ClientRequestToken makes an SDK retry of a committed transaction a no-op
 * success instead of a spurious failure. Returns undefined when cancelled (a race was lost: re-read).
 *
 * @example
 * ```ts
 * const lock = await grantLease(client, tableName, 'order/42', { owner, ttlMs, now, readFencingToken: 7, waiter: undefined });
 * ```
 */
export const grantLease = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  resource: string,
  request: GrantRequest,
): Promise<Lock | undefined> => {
  const { owner, ttlMs, now, readFencingToken, waiter } = request;
  const lease: LeaseItem = {
    owner,
    lockId: randomUUID(),
    fencingToken: readFencingToken + 1,
    reentrantCount: 1,
    expiresAt: now + ttlMs,
  };
  const firstGrant = readFencingToken === 0;
  try {
    await client.send(
      new TransactWriteCommand({
        ClientRequestToken: lease.lockId,
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: lockKey(resource, LOCK_SORT_KEYS.fencingCounter),
              UpdateExpression: 'SET #token = :next',
              ConditionExpression: firstGrant ? 'attribute_not_exists(#token)' : '#token = :read',
              ExpressionAttributeNames: { '#token': A.fencingToken },
              ExpressionAttributeValues: firstGrant
                ? { ':next': lease.fencingToken }
                : { ':next': lease.fencingToken, ':read': readFencingToken },
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: leaseItem(resource, lease, now),
              ConditionExpression: 'attribute_not_exists(#sk) OR #leaseEnd < :now',
              ExpressionAttributeNames: { '#sk': A.sk, '#leaseEnd': A.leaseExpiresAtMs },
              ExpressionAttributeValues: { ':now': now },
            },
          },
          ...(waiter === undefined
            ? []
            : [
                {
                  Delete: {
                    TableName: tableName,
                    Key: lockKey(resource, waiterSortKey(waiter.seq)),
                    ConditionExpression: 'attribute_exists(#sk)',
                    ExpressionAttributeNames: { '#sk': A.sk },
                  },
                },
              ]),
        ],
      }),
    );
  } catch (error) {
    if (isTransactionCanceled(error)) return undefined;
    throw error;
  }
  return toLock(resource, lease);
};
