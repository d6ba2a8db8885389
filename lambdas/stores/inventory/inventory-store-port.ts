import type { StockLine } from '../../contracts/order/saga-tasks.js';

/** One SKU's counters. An SKU the store has never seen has 0 of both. */
export interface StockLevel {
  readonly sku: string;
  readonly available: number;
  readonly reserved: number;
}

/** A line the saga asked for against what was there. */
export interface StockShortage {
  readonly sku: string;
  readonly requested: number;
  readonly available: number;
}

/**
 * `reserved` holds stock; `released` gave it back (or, with no items, is a tombstone: the release came first,
 * so a late reserve of the same saga must not take stock); `committed` consumed it (processing; a later
 * release still returns it);
 * `rejected` never held any (the reserve was short).
 */
export type ReservationStatus = 'reserved' | 'released' | 'committed' | 'rejected';

/** The ReserveInventory step record of one saga: the reservation itself. */
export interface ReservationRecord {
  readonly sagaId: string;
  readonly orderId: string;
  readonly items: readonly StockLine[];
  readonly status: ReservationStatus;
  readonly reservedAt: string;
  /** When the status last changed. */
  readonly updatedAt: string;
  /** `rejected` only: the line that was short. */
  readonly shortage?: StockShortage;
}

/** The CheckInventory step record of one saga. */
export interface CheckRecord {
  readonly sagaId: string;
  readonly orderId: string;
  readonly lines: readonly StockShortage[];
  readonly checkedAt: string;
}

export type ReserveOutcome =
  | { readonly kind: 'reserved'; readonly record: ReservationRecord }
  /** A record for this saga already existed (a repeat): nothing changed. */
  | { readonly kind: 'existing'; readonly record: ReservationRecord }
  /** Nothing changed: this line is short. */
  | { readonly kind: 'short'; readonly shortage: StockShortage };

export type StatusChangeOutcome =
  | { readonly kind: 'changed'; readonly record: ReservationRecord }
  /** The reservation could not make that move (or does not exist): nothing changed. */
  | { readonly kind: 'unchanged'; readonly record: ReservationRecord | undefined };

/**
 * Stock counters and per-saga step records. Every state change is atomic: a reservation decrements every
 * line and writes its record together or not at all; a release puts back exactly the recorded lines and
 * flips the record in the same write. Adapters: in-memory and DynamoDB (one conformance suite).
 * Lines given to `reserve` have distinct SKUs (the caller merges duplicates).
 */
export interface InventoryStorePort {
  stockLevels(skus: readonly string[]): Promise<StockLevel[]>;
  /** Adds `quantity` (> 0) to an SKU's available stock, creating the SKU. */
  restock(sku: string, quantity: number): Promise<StockLevel>;
  /** Writes the saga's check record unless one exists; returns the stored record either way. */
  recordCheck(record: CheckRecord): Promise<CheckRecord>;
  reserve(request: {
    sagaId: string;
    orderId: string;
    items: readonly StockLine[];
    at: string;
  }): Promise<ReserveOutcome>;
  /**
   * Writes a reservation record that holds no stock (`rejected` after a shortage, or a `released` tombstone
   * when a release came first) unless the saga has a record; returns the stored record either way.
   */
  recordIfAbsent(record: ReservationRecord): Promise<ReservationRecord>;
  reservation(sagaId: string): Promise<ReservationRecord | undefined>;
  /**
   * reserved → released, putting the reserved stock back; committed → released, putting the consumed goods
   * back on the shelf (the order was cancelled after inventory processing took them). See
   * `canChangeReservation`.
   */
  release(sagaId: string, at: string): Promise<StatusChangeOutcome>;
  /** reserved → committed: the reserved stock is consumed (inventory processing took it). */
  commit(sagaId: string, at: string): Promise<StatusChangeOutcome>;
}
