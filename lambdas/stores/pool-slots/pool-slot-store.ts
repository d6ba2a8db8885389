/** One slot of a pool as stored: who holds it until when, and the fencing token of its latest grant. */
export interface SlotState {
  readonly slot: number;
  readonly holder: string | undefined;
  /** Epoch ms; the slot is free once the clock reaches it, whoever held it. */
  readonly leaseExpiresAt: number | undefined;
  /** Grows by one with every grant of the slot; 0 for a slot never granted. */
  readonly fencingToken: number;
}

/** What a pool's usage has been, across every container that shares it. */
export interface PoolCounters {
  readonly requestsServed: number;
  /** The sum of every served request's wait, for the average. */
  readonly totalWaitMs: number;
  /** The most slots held at once, as seen by the acquirers. */
  readonly peakUsage: number;
}

/** A pool as one read sees it. `size` is undefined for a pool never used. */
export interface PoolState {
  readonly size: number | undefined;
  readonly slots: readonly SlotState[];
  readonly counters: PoolCounters;
}

/** A slot granted to a holder: what releases it, and the token a fenced resource checks. */
export interface SlotLease {
  readonly pool: string;
  readonly slot: number;
  readonly holder: string;
  readonly fencingToken: number;
  readonly leaseExpiresAt: number;
}

/**
 * Where a pool's slots live, shared by every container. Each operation is one conditional write, so two
 * holders never hold one slot: a grant succeeds only on a slot with no holder or an ended lease, a release
 * only for the grant it names, a resize only from the size the caller read.
 */
export interface PoolSlotStore {
  read(pool: string): Promise<PoolState>;
  /** Grants `slot` to `holder` until `now + leaseMs` if it is free at `now`; undefined when it is not. */
  grant(
    pool: string,
    slot: number,
    holder: string,
    now: number,
    leaseMs: number,
  ): Promise<SlotLease | undefined>;
  /** Frees the slot if `lease` is still its grant; false when the lease had ended and the slot was granted again. */
  release(lease: SlotLease): Promise<boolean>;
  /** Sets the pool's size to `to` if it is `from` (undefined: never set); false when another container moved it first. */
  resize(pool: string, from: number | undefined, to: number): Promise<boolean>;
  /** Counts one served request with its wait, and raises the peak to `usage` if it is higher. */
  recordServed(pool: string, waitMs: number, usage: number): Promise<void>;
}

/** The item a slot is stored under: its number zero-padded, so a Query lists slots in order. */
export const slotItem = (slot: number): string => `slot#${String(slot).padStart(4, '0')}`;
