import type { TableDefinition } from '../table-definition.js';

/**
 * Attribute names of the lock table. Every item of one resource shares the partition `pk = <resource>`, so a
 * single strongly consistent Query (no sort-key condition, small `Limit`) reads the fencing counter, the
 * lease and the head of the wait queue in one round trip. The sort keys are chosen so they sort in exactly
 * that order: `counter` < `lease` < `queue` < `waiter#…`.
 */
export const LOCK_ATTRIBUTES = {
  /** Partition key: the locked resource name, verbatim. */
  pk: 'pk',
  /** Sort key: one of {@link LOCK_SORT_KEYS}, or `waiter#<16-digit sequence>` for a queued waiter. */
  sk: 'sk',
  /** Counter item: the last fencing token granted. Lease item: the token of the current grant. */
  fencingToken: 'fencingToken',
  /** Queue-counter item: the last waiter sequence number handed out (FIFO order of the queue). */
  waiterSeq: 'waiterSeq',
  /** Lease and waiter items: who holds or waits. */
  owner: 'owner',
  /** Lease item: random id of this grant; stays the same across reentrant acquisitions by the owner. */
  lockId: 'lockId',
  /** Lease item: how many times the owner acquired without releasing. */
  reentrantCount: 'reentrantCount',
  /** Lease item: lease end in epoch milliseconds, compared with the caller's `:now` inside every condition. */
  leaseExpiresAtMs: 'leaseExpiresAtMs',
  /** Lease item: when this grant was made, epoch milliseconds (operators only). */
  acquiredAtMs: 'acquiredAtMs',
  /** Waiter item: the waiter gives up at this time, epoch milliseconds. */
  waitDeadlineMs: 'waitDeadlineMs',
  /** Waiter item: liveness heartbeat; a waiter that stopped refreshing it (crashed) is skipped after it. */
  aliveUntilMs: 'aliveUntilMs',
  /** Waiter item: when it joined the queue, epoch milliseconds (operators only). */
  enqueuedAtMs: 'enqueuedAtMs',
  /**
   * DynamoDB TTL attribute, epoch seconds, on lease and waiter items only, set an hour past the lease end or
   * the wait deadline. Pure garbage collection: expiry is decided by the conditions above, never by TTL.
   * The counter items never carry it, so a fencing token can never be handed out twice.
   */
  expiresAt: 'expiresAt',
} as const;

/** Fixed sort-key values; waiter items use {@link LOCK_WAITER_SORT_KEY_PREFIX} plus a zero-padded sequence. */
export const LOCK_SORT_KEYS = {
  /** The per-resource fencing-token counter. Never expires, never deleted by the lock store. */
  fencingCounter: 'counter',
  /** The lease (current holder). Deleted on the final release; TTL-collected if its holder crashed. */
  lease: 'lease',
  /** The per-resource waiter-sequence counter. Never expires. */
  queueCounter: 'queue',
} as const;

export const LOCK_WAITER_SORT_KEY_PREFIX = 'waiter#';

/**
 * Fenced distributed locks: per resource one lease item, two counter items (fencing tokens, waiter sequence)
 * and one item per queued waiter, all in the resource's partition. No index: every access is by key or a
 * Query on one partition. TTL (`expiresAt`) only collects abandoned lease and waiter items.
 *
 * @example
 * ```ts
 * const tableName = process.env[LOCK_TABLE.envVar] ?? LOCK_TABLE.localName;
 * ```
 */
export const LOCK_TABLE: TableDefinition = {
  id: 'Locks',
  envVar: 'AGENTBRIDGE_LOCK_TABLE_NAME',
  localName: 'agentbridge-locks',
  partitionKey: { name: LOCK_ATTRIBUTES.pk, type: 'S' },
  sortKey: { name: LOCK_ATTRIBUTES.sk, type: 'S' },
  timeToLiveAttribute: LOCK_ATTRIBUTES.expiresAt,
};
