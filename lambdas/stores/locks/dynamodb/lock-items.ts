import {
  LOCK_ATTRIBUTES as A,
  LOCK_SORT_KEYS,
  LOCK_WAITER_SORT_KEY_PREFIX,
} from '../../../contracts/tables/lock-table.js';
import type { Lock, QueuedWaiter } from '../lock.js';
import { CorruptLockItemError } from '../lock-error.js';

/** The lease item, decoded. */
export interface LeaseItem {
  readonly owner: string;
  readonly lockId: string;
  readonly fencingToken: number;
  readonly reentrantCount: number;
  readonly expiresAt: number;
}

export type LockItem =
  | { readonly kind: 'fencing-counter'; readonly fencingToken: number }
  | { readonly kind: 'queue-counter' }
  | { readonly kind: 'lease'; readonly lease: LeaseItem }
  | { readonly kind: 'waiter'; readonly waiter: QueuedWaiter };

/**
 * Abandoned lease and waiter items are collected by TTL an hour after they stop mattering. Any grace > 0 is
 * safe because expiry is decided by the conditions; an hour keeps a lapsed lease visible for debugging.
 */
const GC_GRACE_SECONDS = 3600;
const SEQ_DIGITS = 16;

export const gcExpiresAt = (epochMs: number): number => Math.ceil(epochMs / 1000) + GC_GRACE_SECONDS;

export const lockKey = (resource: string, sortKey: string): Record<string, string> => ({
  [A.pk]: resource,
  [A.sk]: sortKey,
});

/** Zero-padded so that the string order of sort keys is the numeric (FIFO) order. */
export const waiterSortKey = (seq: number): string =>
  `${LOCK_WAITER_SORT_KEY_PREFIX}${String(seq).padStart(SEQ_DIGITS, '0')}`;

export const leaseItem = (resource: string, lease: LeaseItem, now: number): Record<string, unknown> => ({
  ...lockKey(resource, LOCK_SORT_KEYS.lease),
  [A.owner]: lease.owner,
  [A.lockId]: lease.lockId,
  [A.fencingToken]: lease.fencingToken,
  [A.reentrantCount]: lease.reentrantCount,
  [A.leaseExpiresAtMs]: lease.expiresAt,
  [A.acquiredAtMs]: now,
  [A.expiresAt]: gcExpiresAt(lease.expiresAt),
});

export const waiterItem = (resource: string, waiter: QueuedWaiter, now: number): Record<string, unknown> => ({
  ...lockKey(resource, waiterSortKey(waiter.seq)),
  [A.owner]: waiter.owner,
  [A.waitDeadlineMs]: waiter.waitDeadlineMs,
  [A.aliveUntilMs]: waiter.aliveUntilMs,
  [A.enqueuedAtMs]: now,
  [A.expiresAt]: gcExpiresAt(waiter.waitDeadlineMs),
});

export const toLock = (resource: string, lease: LeaseItem): Lock => ({ resource, ...lease });

export const isLiveWaiter = (waiter: QueuedWaiter, now: number): boolean =>
  now < waiter.waitDeadlineMs && now < waiter.aliveUntilMs;

const corrupt = (item: Record<string, unknown>, attribute: string): CorruptLockItemError =>
  new CorruptLockItemError(String(item[A.pk]), String(item[A.sk]), attribute);

const text = (item: Record<string, unknown>, attribute: string): string => {
  const value = item[attribute];
  if (typeof value !== 'string') throw corrupt(item, attribute);
  return value;
};

const num = (item: Record<string, unknown>, attribute: string): number => {
  const value = item[attribute];
  if (typeof value !== 'number') throw corrupt(item, attribute);
  return value;
};

/** Decodes a lease item (from a Query, GetItem or ReturnValues: ALL_NEW). */
export const parseLease = (item: Record<string, unknown>): LeaseItem => ({
  owner: text(item, A.owner),
  lockId: text(item, A.lockId),
  fencingToken: num(item, A.fencingToken),
  reentrantCount: num(item, A.reentrantCount),
  expiresAt: num(item, A.leaseExpiresAtMs),
});

/** Decodes any item of a resource's partition by its sort key. */
export const parseLockItem = (item: Record<string, unknown>): LockItem => {
  const sortKey = text(item, A.sk);
  if (sortKey === LOCK_SORT_KEYS.fencingCounter) {
    return { kind: 'fencing-counter', fencingToken: num(item, A.fencingToken) };
  }
  if (sortKey === LOCK_SORT_KEYS.queueCounter) return { kind: 'queue-counter' };
  if (sortKey === LOCK_SORT_KEYS.lease) return { kind: 'lease', lease: parseLease(item) };
  const seq = Number(sortKey.slice(LOCK_WAITER_SORT_KEY_PREFIX.length));
  if (!sortKey.startsWith(LOCK_WAITER_SORT_KEY_PREFIX) || !Number.isSafeInteger(seq)) {
    throw corrupt(item, A.sk);
  }
  return {
    kind: 'waiter',
    waiter: {
      owner: text(item, A.owner),
      seq,
      waitDeadlineMs: num(item, A.waitDeadlineMs),
      aliveUntilMs: num(item, A.aliveUntilMs),
    },
  };
};
