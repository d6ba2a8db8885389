import { type Clock, systemClock } from '../../contracts/clock.js';
import type { Lock, LockSnapshot } from './lock.js';
import { LockHeldError, LockWaitTimeoutError } from './lock-error.js';
import type { LockStore, WaiterTicket } from './lock-store-port.js';
import { LockWakeBoard } from './lock-wake-board.js';
import {
  type AcquireOptions,
  type ValidAcquireRequest,
  validateAcquireOptions,
  validateLockId,
  validateResource,
  validateTtlSeconds,
} from './validate-lock-request.js';

export interface LockManagerOptions {
  readonly clock?: Clock;
  /** First pause between polls of a waiter, doubled up to `maxPollIntervalMs`. Default 25. */
  readonly pollIntervalMs?: number;
  /** Longest pause between polls: bounds the hand-over delay to a waiter in another process. Default 1,000. */
  readonly maxPollIntervalMs?: number;
  /** A waiter that has not refreshed its entry for this long counts as crashed and is skipped. Default 10,000. */
  readonly waiterLivenessMs?: number;
}

/** What `release` leaves behind. */
export interface LockRelease {
  /** Acquisitions the owner still holds; 0 when the lock is free. */
  readonly reentrantCount: number;
  readonly freed: boolean;
}

/**
 * Fenced distributed locks (leases with fencing tokens) over any `LockStore`.
 *
 * Waiting is a poll: a queued waiter re-reads the lease and the queue head with exponential backoff, and only
 * the earliest live waiter may take a free or expired lease (the store checks this and dequeues it in the
 * same write). Nothing is handed over by the releaser, so a releaser or waiter that crashes never strands the
 * lock: leases end by time, dead waiters are skipped. Within one process a release also wakes local waiters
 * at once.
 *
 * @example
 * ```ts
 * const locks = new LockManager(new DynamoDbLockStore(documentClient, tableName));
 * const stock = new DynamoDbFencedResource(documentClient, { tableName: 'inventory', key: (sku) => ({ pk: sku }) });
 * await locks.withLock('inventory/sku-1', { owner: requestId, ttlSeconds: 30, wait: true }, async (lock) => {
 *   // Rejected with StaleFencingTokenError if this holder was paused past its lease and someone else wrote.
 *   await stock.write('sku-1', lock.fencingToken, '41');
 * });
 * ```
 */
export class LockManager {
  readonly #store: LockStore;
  readonly #clock: Clock;
  readonly #pollIntervalMs: number;
  readonly #maxPollIntervalMs: number;
  readonly #livenessMs: number;
  readonly #board = new LockWakeBoard();

  constructor(store: LockStore, options: LockManagerOptions = {}) {
    this.#store = store;
    this.#clock = options.clock ?? systemClock;
    this.#pollIntervalMs = options.pollIntervalMs ?? 25;
    this.#maxPollIntervalMs = Math.max(this.#pollIntervalMs, options.maxPollIntervalMs ?? 1000);
    this.#livenessMs = options.waiterLivenessMs ?? 10_000;
  }

  /**
   * Takes the lock, re-enters it (same owner, lease not ended: same lockId and token, count + 1), or fails
   * with `LockHeldError`; with `wait`, queues FIFO until granted or `LockWaitTimeoutError`. An owner whose
   * lease has ended gets a fresh grant (new lockId, next token, count 1) in FIFO order, like anyone else.
   */
  async acquire(resource: string, options: AcquireOptions): Promise<Lock> {
    const valid = validateResource(resource);
    const request = validateAcquireOptions(valid, options);
    const { owner, ttlMs } = request;
    const first = await this.#store.tryAcquire(valid, { owner, ttlMs, now: this.#clock.now() });
    if (first.outcome === 'granted') return first.lock;
    if (!request.wait) {
      throw new LockHeldError(valid, owner, first.outcome === 'held' ? first.holder : undefined);
    }
    return this.#waitInQueue(valid, request);
  }

  /** Counts a reentrant hold down, then frees the lock; only with the owner's `lockId` (`NotLockOwnerError`). */
  async release(resource: string, lockId: string): Promise<LockRelease> {
    const valid = validateResource(resource);
    const remaining = await this.#store.release(valid, validateLockId(valid, lockId), this.#clock.now());
    if (remaining === 0) this.#board.wake(valid);
    return { reentrantCount: remaining, freed: remaining === 0 };
  }

  /** Heartbeat: the lease now ends `ttlSeconds` from now. `LockLostError` when the grant is gone. */
  async extend(resource: string, lockId: string, ttlSeconds: number): Promise<Lock> {
    const valid = validateResource(resource);
    const id = validateLockId(valid, lockId);
    return this.#store.extend(valid, id, validateTtlSeconds(valid, ttlSeconds), this.#clock.now());
  }

  /** Runs `work` under the lock and releases it afterwards, also when `work` throws. */
  async withLock<T>(resource: string, options: AcquireOptions, work: (lock: Lock) => Promise<T>): Promise<T> {
    const lock = await this.acquire(resource, options);
    try {
      return await work(lock);
    } finally {
      await this.release(lock.resource, lock.lockId);
    }
  }

  /** The live holder and live queue according to the store, now. */
  async inspect(resource: string): Promise<LockSnapshot> {
    return this.#store.inspect(validateResource(resource), this.#clock.now());
  }

  async #waitInQueue(resource: string, request: ValidAcquireRequest): Promise<Lock> {
    const { owner, ttlMs, waitTimeoutMs } = request;
    const waitDeadlineMs = this.#clock.now() + waitTimeoutMs;
    const subscription = this.#board.subscribe(resource);
    let ticket: WaiterTicket | undefined;
    let aliveUntilMs = 0;
    let pauseMs = this.#pollIntervalMs;
    try {
      for (;;) {
        const now = this.#clock.now();
        if (now >= waitDeadlineMs) throw new LockWaitTimeoutError(resource, owner, waitTimeoutMs);
        // Refresh liveness at half-life, so a slow poll never lets others judge this waiter dead.
        if (ticket === undefined || aliveUntilMs - now < this.#livenessMs / 2) {
          aliveUntilMs = now + this.#livenessMs;
          if (ticket === undefined || !(await this.#store.touchWaiter(ticket, aliveUntilMs))) {
            ticket = await this.#store.enqueue(resource, { owner, now, waitDeadlineMs, aliveUntilMs });
          }
        }
        const result = await this.#store.tryAcquire(resource, { owner, ttlMs, now, waiter: ticket });
        if (result.outcome === 'granted') {
          ticket = undefined;
          return result.lock;
        }
        if (result.outcome === 'waiter-gone') {
          ticket = undefined;
          continue;
        }
        const jittered = pauseMs / 2 + Math.random() * (pauseMs / 2);
        const woken = await subscription.wait(Math.min(jittered, Math.max(1, waitDeadlineMs - now)));
        pauseMs = woken ? this.#pollIntervalMs : Math.min(pauseMs * 2, this.#maxPollIntervalMs);
      }
    } finally {
      subscription.close();
      if (ticket !== undefined) await this.#leaveQueue(ticket);
    }
  }

  async #leaveQueue(ticket: WaiterTicket): Promise<void> {
    try {
      await this.#store.removeWaiter(ticket);
    } catch {
      // Leaving is an optimisation: the entry is skipped anyway once its wait deadline passes, and the
      // caller must see the timeout (or the store error) that ended the wait, not this one.
    }
    this.#board.wake(ticket.resource);
  }
}
