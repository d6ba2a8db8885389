import type { Lock, LockHolder, LockSnapshot } from './lock.js';

/** A place in a resource's wait queue, held by the waiting caller. */
export interface WaiterTicket {
  readonly resource: string;
  readonly owner: string;
  /** Enqueue sequence: FIFO order. */
  readonly seq: number;
}

/** One non-blocking attempt. Every time value is the caller's clock, so tests can move time. */
export interface LockGrantRequest {
  readonly owner: string;
  readonly ttlMs: number;
  readonly now: number;
  /**
   * Present when a queued waiter tries: it may take a free (or expired) lock only if it is the earliest live
   * waiter, and its queue entry is removed in the same atomic write as the grant. Absent: the lock is taken
   * only when no live waiter is queued, so nobody jumps the queue.
   */
  readonly waiter?: WaiterTicket;
}

export type LockGrantResult =
  | { readonly outcome: 'granted'; readonly lock: Lock }
  /** Another owner's lease has not ended. */
  | { readonly outcome: 'held'; readonly holder: LockHolder }
  /** The lease is free or ended, but an earlier live waiter comes first. */
  | { readonly outcome: 'queued' }
  /** The ticket's queue entry is gone (judged dead after a missed heartbeat): enqueue again. */
  | { readonly outcome: 'waiter-gone' };

export interface EnqueueRequest {
  readonly owner: string;
  readonly now: number;
  /** The waiter gives up at this time; other waiters skip it from then on. */
  readonly waitDeadlineMs: number;
  /** Liveness: other waiters skip this one once the time passes without a `touchWaiter`. */
  readonly aliveUntilMs: number;
}

/**
 * Storage of leases, fencing counters and wait queues: single, non-blocking, conditional operations. The
 * waiting itself (polling, wake-ups, timeouts) lives in `LockManager`, the same for every adapter.
 *
 * Invariants every adapter keeps (the conformance suite checks them):
 * - at most one live lease per resource; a lease whose `expiresAt < now` counts as free, checked inside the
 *   atomic write, so a crashed holder is replaced when its lease ends;
 * - a fresh grant takes the next fencing token from a counter that never expires (strictly increasing,
 *   never repeated, also when an attempt fails);
 * - reentry by the owner of a live lease keeps lockId and token and counts up; once the lease has ended
 *   (`expiresAt < now`, checked inside the atomic write) the owner is a new requester: a fresh grant with the
 *   next token and count 1, after any earlier live waiter;
 * - `release`/`extend` act only on the grant named by `lockId`; a grant whose lease ended but that nobody
 *   took over still counts (no newer token exists, so nothing it protects can have moved on) — except that
 *   `extend` of an ended lease fails while a live waiter is queued: the waiter is next, FIFO;
 * - a waiter is live while `now < waitDeadlineMs` and `now < aliveUntilMs`; dead ones are skipped.
 */
export interface LockStore {
  tryAcquire(resource: string, request: LockGrantRequest): Promise<LockGrantResult>;
  enqueue(resource: string, request: EnqueueRequest): Promise<WaiterTicket>;
  /** Refreshes a waiter's liveness; `false` when its entry is gone (it must enqueue again). */
  touchWaiter(ticket: WaiterTicket, aliveUntilMs: number): Promise<boolean>;
  /** Leaves the queue; a no-op when the entry is already gone. */
  removeWaiter(ticket: WaiterTicket): Promise<void>;
  /**
   * Counts the grant down; at zero the lease is removed. Returns the remaining count. Throws
   * `NotLockOwnerError` when `lockId` is not the current grant.
   */
  release(resource: string, lockId: string, now: number): Promise<number>;
  /**
   * Sets the lease end to `now + ttlMs`. Throws `LockLostError` when `lockId` is not the current grant, or
   * when its lease has ended and a live waiter is queued.
   */
  extend(resource: string, lockId: string, ttlMs: number, now: number): Promise<Lock>;
  /** The live holder and live waiters at `now`. */
  inspect(resource: string, now: number): Promise<LockSnapshot>;
}
