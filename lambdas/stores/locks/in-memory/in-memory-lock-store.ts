import { randomUUID } from 'node:crypto';
import type { Lock, LockSnapshot, QueuedWaiter } from '../lock.js';
import { LockLostError, NotLockOwnerError } from '../lock-error.js';
import type {
  EnqueueRequest,
  LockGrantRequest,
  LockGrantResult,
  LockStore,
  WaiterTicket,
} from '../lock-store-port.js';

interface LeaseRecord {
  owner: string;
  lockId: string;
  fencingToken: number;
  expiresAt: number;
  reentrantCount: number;
}

interface ResourceRecord {
  /** Last token granted; survives every release, like the DynamoDB counter item. */
  fencingToken: number;
  waiterSeq: number;
  lease: LeaseRecord | undefined;
  /** Keyed by sequence; a Map iterates in insertion order, which is sequence order. */
  waiters: Map<number, QueuedWaiter>;
}

const isLive = (waiter: QueuedWaiter, now: number): boolean =>
  now < waiter.waitDeadlineMs && now < waiter.aliveUntilMs;

const toLock = (resource: string, lease: LeaseRecord): Lock => ({ resource, ...lease });

/**
 * The lock store in process memory, with the same rules as the DynamoDB adapter: every operation runs to
 * completion without awaiting, which makes each one atomic the way a conditional write is. For tests, local
 * development and single-process use.
 *
 * @example
 * ```ts
 * const locks = new LockManager(new InMemoryLockStore());
 * const lock = await locks.acquire('order/42', { owner: 'worker-1' });
 * ```
 */
export class InMemoryLockStore implements LockStore {
  readonly #resources = new Map<string, ResourceRecord>();

  async tryAcquire(resource: string, request: LockGrantRequest): Promise<LockGrantResult> {
    const record = this.#record(resource);
    const { owner, ttlMs, now, waiter } = request;
    const lease = record.lease;
    // A lapsed lease is not re-entered, even by its owner: it takes a fresh grant in FIFO order, as on DynamoDB.
    if (lease !== undefined && lease.owner === owner && lease.expiresAt >= now) {
      lease.reentrantCount += 1;
      lease.expiresAt = Math.max(lease.expiresAt, now + ttlMs);
      if (waiter !== undefined) record.waiters.delete(waiter.seq);
      return { outcome: 'granted', lock: toLock(resource, lease) };
    }
    if (lease !== undefined && lease.expiresAt >= now) {
      const { owner: holder, fencingToken, expiresAt, reentrantCount } = lease;
      return { outcome: 'held', holder: { owner: holder, fencingToken, expiresAt, reentrantCount } };
    }
    const head = liveHead(record, now);
    if (waiter !== undefined && (head === undefined || head.seq > waiter.seq))
      return { outcome: 'waiter-gone' };
    if (head !== undefined && head.seq !== waiter?.seq) return { outcome: 'queued' };
    record.fencingToken += 1;
    const granted: LeaseRecord = {
      owner,
      lockId: randomUUID(),
      fencingToken: record.fencingToken,
      expiresAt: now + ttlMs,
      reentrantCount: 1,
    };
    record.lease = granted;
    if (waiter !== undefined) record.waiters.delete(waiter.seq);
    return { outcome: 'granted', lock: toLock(resource, granted) };
  }

  async enqueue(resource: string, request: EnqueueRequest): Promise<WaiterTicket> {
    const record = this.#record(resource);
    record.waiterSeq += 1;
    const { owner, waitDeadlineMs, aliveUntilMs } = request;
    record.waiters.set(record.waiterSeq, { owner, seq: record.waiterSeq, waitDeadlineMs, aliveUntilMs });
    return { resource, owner, seq: record.waiterSeq };
  }

  async touchWaiter(ticket: WaiterTicket, aliveUntilMs: number): Promise<boolean> {
    const waiters = this.#resources.get(ticket.resource)?.waiters;
    const queued = waiters?.get(ticket.seq);
    if (waiters === undefined || queued === undefined) return false;
    waiters.set(ticket.seq, { ...queued, aliveUntilMs });
    return true;
  }

  async removeWaiter(ticket: WaiterTicket): Promise<void> {
    this.#resources.get(ticket.resource)?.waiters.delete(ticket.seq);
  }

  async release(resource: string, lockId: string, now: number): Promise<number> {
    const record = this.#resources.get(resource);
    const lease = record?.lease;
    if (record === undefined || lease === undefined || lease.lockId !== lockId) {
      throw new NotLockOwnerError(resource, lockId, liveOwner(lease, now));
    }
    lease.reentrantCount -= 1;
    if (lease.reentrantCount === 0) record.lease = undefined;
    return lease.reentrantCount;
  }

  async extend(resource: string, lockId: string, ttlMs: number, now: number): Promise<Lock> {
    const record = this.#resources.get(resource);
    const lease = record?.lease;
    if (lease === undefined || lease.lockId !== lockId) {
      throw new LockLostError(resource, lockId, liveOwner(lease, now));
    }
    // A lapsed lease is the waiters' to take: reviving it would serve its owner ahead of the queue.
    if (lease.expiresAt < now && record !== undefined && liveHead(record, now) !== undefined) {
      throw new LockLostError(resource, lockId, undefined);
    }
    lease.expiresAt = now + ttlMs;
    return toLock(resource, lease);
  }

  async inspect(resource: string, now: number): Promise<LockSnapshot> {
    const record = this.#resources.get(resource);
    const lease = record?.lease;
    const holder =
      lease === undefined || lease.expiresAt < now
        ? undefined
        : {
            owner: lease.owner,
            fencingToken: lease.fencingToken,
            expiresAt: lease.expiresAt,
            reentrantCount: lease.reentrantCount,
          };
    const waiters = [...(record?.waiters.values() ?? [])].filter((queued) => isLive(queued, now));
    return { resource, holder, waiters };
  }

  #record(resource: string): ResourceRecord {
    const existing = this.#resources.get(resource);
    if (existing !== undefined) return existing;
    const created: ResourceRecord = { fencingToken: 0, waiterSeq: 0, lease: undefined, waiters: new Map() };
    this.#resources.set(resource, created);
    return created;
  }
}

/** The earliest live waiter; dead entries in front of it are dropped, as the DynamoDB adapter deletes them. */
const liveHead = (record: ResourceRecord, now: number): QueuedWaiter | undefined => {
  for (const queued of record.waiters.values()) {
    if (isLive(queued, now)) return queued;
    record.waiters.delete(queued.seq);
  }
  return undefined;
};

const liveOwner = (lease: LeaseRecord | undefined, now: number): string | undefined =>
  lease !== undefined && lease.expiresAt >= now ? lease.owner : undefined;
