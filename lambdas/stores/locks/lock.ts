/**
 * A granted lock, as returned to its owner. `lockId` is the proof of ownership (only the owner ever sees it);
 * `fencingToken` goes with every write to a protected resource (see `fencedWriteCondition`).
 */
export interface Lock {
  readonly resource: string;
  /** Random id of this grant; the same across reentrant acquisitions by the same owner while the lease lasts. */
  readonly lockId: string;
  /** Strictly increasing per resource across grants; unchanged by reentry and by `extend`. */
  readonly fencingToken: number;
  readonly owner: string;
  /** Lease end in epoch milliseconds (the injected clock's time base). */
  readonly expiresAt: number;
  /** How many times the owner holds it: 1 on a fresh grant, +1 per reentrant acquire, −1 per release. */
  readonly reentrantCount: number;
}

/** The current holder as anyone may see it (no `lockId`: that stays with the owner). */
export interface LockHolder {
  readonly owner: string;
  readonly fencingToken: number;
  readonly expiresAt: number;
  readonly reentrantCount: number;
}

/** One live entry of the FIFO wait queue. */
export interface QueuedWaiter {
  readonly owner: string;
  /** Enqueue order: a lower sequence was queued earlier and is served first. */
  readonly seq: number;
  readonly waitDeadlineMs: number;
  readonly aliveUntilMs: number;
}

/** What the store says about a resource at a given time: at most one live holder, then the live queue. */
export interface LockSnapshot {
  readonly resource: string;
  readonly holder: LockHolder | undefined;
  readonly waiters: readonly QueuedWaiter[];
}
