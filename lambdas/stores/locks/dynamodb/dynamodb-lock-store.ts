import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Lock, LockSnapshot } from '../lock.js';
import { LockContentionError } from '../lock-error.js';
import type {
  EnqueueRequest,
  LockGrantRequest,
  LockGrantResult,
  LockStore,
  WaiterTicket,
} from '../lock-store-port.js';
import { extendLease } from './extend-lease.js';
import { grantLease } from './grant-lease.js';
import { readLockPartition } from './read-lock-partition.js';
import { reenterLease } from './reenter-lease.js';
import { releaseLease } from './release-lease.js';
import { DynamoDbWaiterQueue } from './waiter-queue.js';

export interface DynamoDbLockStoreOptions {
  /** Re-reads after a lost race before `LockContentionError`. Default 8. */
  readonly maxAttempts?: number;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The lock store on the lock table (see `LOCK_TABLE` for the key design). Every decision reads the resource's
 * partition once (strongly consistent Query) and commits with conditional writes that re-check what was read,
 * so concurrent callers in any number of processes never see two live leases. IAM on the table: Query,
 * GetItem, PutItem, UpdateItem, DeleteItem (TransactWriteItems is authorised per contained action).
 *
 * @example
 * ```ts
 * const store = new DynamoDbLockStore(documentClient, process.env[LOCK_TABLE.envVar] ?? LOCK_TABLE.localName);
 * const locks = new LockManager(store);
 * ```
 */
export class DynamoDbLockStore implements LockStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;
  readonly #maxAttempts: number;
  readonly #queue: DynamoDbWaiterQueue;

  constructor(client: DynamoDBDocumentClient, tableName: string, options: DynamoDbLockStoreOptions = {}) {
    this.#client = client;
    this.#tableName = tableName;
    this.#maxAttempts = options.maxAttempts ?? 8;
    this.#queue = new DynamoDbWaiterQueue(client, tableName);
  }

  async tryAcquire(resource: string, request: LockGrantRequest): Promise<LockGrantResult> {
    const { owner, ttlMs, now, waiter } = request;
    for (let attempt = 1; attempt <= this.#maxAttempts; attempt += 1) {
      const partition = await readLockPartition(this.#client, this.#tableName, resource, now);
      await this.#queue.dropDead(resource, partition.dead, now);
      const { lease, head } = partition;
      const live = lease !== undefined && lease.expiresAt >= now;
      // Only a live lease is re-entered: an owner back after its lease lapsed is a new requester (fresh
      // token, count 1, behind earlier live waiters), or it would jump the queue with a stale count.
      if (live && lease.owner === owner) {
        const lock = await reenterLease(this.#client, this.#tableName, resource, lease, ttlMs, now);
        if (lock !== undefined) {
          // Not in the reentry write: a leftover entry of a holder is harmless and lapses with its liveness.
          if (waiter !== undefined) await this.#queue.remove(waiter);
          return { outcome: 'granted', lock };
        }
      } else if (live) {
        const { owner: holder, fencingToken, expiresAt, reentrantCount } = lease;
        return { outcome: 'held', holder: { owner: holder, fencingToken, expiresAt, reentrantCount } };
      } else if (waiter !== undefined && (head === undefined || head.seq > waiter.seq)) {
        return { outcome: 'waiter-gone' };
      } else if (head !== undefined && head.seq !== waiter?.seq) {
        return { outcome: 'queued' };
      } else {
        const readFencingToken = partition.fencingToken;
        const grant = { owner, ttlMs, now, readFencingToken, waiter };
        const lock = await grantLease(this.#client, this.#tableName, resource, grant);
        if (lock !== undefined) return { outcome: 'granted', lock };
      }
      // Lost a race between the read and the conditional write: back off a little, then decide again.
      await pause(Math.random() * 10 * attempt);
    }
    throw new LockContentionError(resource, this.#maxAttempts);
  }

  enqueue(resource: string, request: EnqueueRequest): Promise<WaiterTicket> {
    return this.#queue.enqueue(resource, request);
  }

  touchWaiter(ticket: WaiterTicket, aliveUntilMs: number): Promise<boolean> {
    return this.#queue.touch(ticket, aliveUntilMs);
  }

  removeWaiter(ticket: WaiterTicket): Promise<void> {
    return this.#queue.remove(ticket);
  }

  release(resource: string, lockId: string, now: number): Promise<number> {
    return releaseLease(this.#client, this.#tableName, resource, lockId, now, this.#maxAttempts);
  }

  extend(resource: string, lockId: string, ttlMs: number, now: number): Promise<Lock> {
    return extendLease(this.#client, this.#tableName, resource, lockId, ttlMs, now);
  }

  async inspect(resource: string, now: number): Promise<LockSnapshot> {
    const { lease, live } = await readLockPartition(this.#client, this.#tableName, resource, now, true);
    if (lease === undefined || lease.expiresAt < now) return { resource, holder: undefined, waiters: live };
    const { owner, fencingToken, expiresAt, reentrantCount } = lease;
    return { resource, holder: { owner, fencingToken, expiresAt, reentrantCount }, waiters: live };
  }
}
