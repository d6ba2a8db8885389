import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { LOCK_ATTRIBUTES as A } from '../../../contracts/tables/lock-table.js';
import type { QueuedWaiter } from '../lock.js';
import { isLiveWaiter, type LeaseItem, parseLockItem } from './lock-items.js';

/** A resource's partition as far as one decision needs it. */
export interface LockPartition {
  /** Last token granted (0 before the first grant). */
  readonly fencingToken: number;
  readonly lease: LeaseItem | undefined;
  /** The earliest live waiter, or undefined when none is queued. */
  readonly head: QueuedWaiter | undefined;
  /** Dead waiters found in front of the head (or everywhere, with `allWaiters`). */
  readonly dead: readonly QueuedWaiter[];
  /** Every live waiter, in FIFO order; filled only with `allWaiters`. */
  readonly live: readonly QueuedWaiter[];
}

/**
 * Counter, lease and queue head come first in sort-key order, so a page this size answers almost every
 * decision in one strongly consistent Query (≈1 RCU); more pages are read only past dead waiters.
 */
const PAGE_SIZE = 10;

/**
 * Reads a resource's lock partition with ConsistentRead (a stale lease or queue would break mutual
 * exclusion and FIFO), stopping at the first live waiter unless `allWaiters` is set.
 *
 * @example
 * ```ts
 * const { lease, head } = await readLockPartition(client, tableName, 'order/42', Date.now());
 * ```
 */
export const readLockPartition = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  resource: string,
  now: number,
  allWaiters = false,
): Promise<LockPartition> => {
  let fencingToken = 0;
  let lease: LeaseItem | undefined;
  const dead: QueuedWaiter[] = [];
  const live: QueuedWaiter[] = [];
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': A.pk },
        ExpressionAttributeValues: { ':pk': resource },
        ConsistentRead: true,
        Limit: PAGE_SIZE,
        ExclusiveStartKey: exclusiveStartKey,
      }),
    );
    for (const raw of page.Items ?? []) {
      const item = parseLockItem(raw);
      if (item.kind === 'fencing-counter') fencingToken = item.fencingToken;
      else if (item.kind === 'lease') lease = item.lease;
      else if (item.kind === 'waiter') (isLiveWaiter(item.waiter, now) ? live : dead).push(item.waiter);
    }
    exclusiveStartKey = page.LastEvaluatedKey;
  } while (exclusiveStartKey !== undefined && (allWaiters || live.length === 0));
  return { fencingToken, lease, head: live[0], dead, live: allWaiters ? live : [] };
};
