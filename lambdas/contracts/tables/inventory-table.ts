import type { TableDefinition } from '../table-definition.js';

/**
 * Attribute names of the inventory table. Two item kinds:
 * - stock: `pk = sku#<SKU>`, `sk = stock`, counters `available` and `reserved` (numbers, never TTL);
 *   reservations decrement `available` with the condition `available >= :quantity`, so it never goes negative;
 * - saga step record: `pk = saga#<sagaId>`, `sk = step#<step>` (CheckInventory, ReserveInventory,
 *   ReleaseInventory, StartInventoryProcessing) holding the step's result as JSON; written in the same
 *   transaction as the stock change it records, so a repeat finds it and returns it instead of acting twice.
 *   The ReserveInventory record is the reservation: its `status` moves reserved → released | committed.
 */
export const INVENTORY_ATTRIBUTES = {
  pk: 'pk',
  sk: 'sk',
  sku: 'sku',
  available: 'available',
  reserved: 'reserved',
  sagaId: 'sagaId',
  orderId: 'orderId',
  step: 'step',
  /** Step record: the step's result (or its business failure) as JSON text. */
  result: 'result',
  /** Reservation record: `reserved`, `released` or `committed`. */
  status: 'status',
  /** Reservation record: the reserved lines as JSON text (release puts back exactly these). */
  items: 'items',
  /** Reservation record: the short line of a `rejected` reservation, as JSON text. */
  shortage: 'shortage',
  recordedAt: 'recordedAt',
  updatedAt: 'updatedAt',
} as const;

export const INVENTORY_STOCK_SORT_KEY = 'stock';
export const stockKey = (sku: string): string => `sku#${sku}`;
export const sagaKey = (sagaId: string): string => `saga#${sagaId}`;
export const stepSortKey = (step: string): string => `step#${step}`;
/** The inventory steps that keep a record. */
export const INVENTORY_STEPS = { check: 'CheckInventory', reserve: 'ReserveInventory' } as const;

/**
 * The inventory agent's table: stock counters and per-saga step records.
 *
 * @example
 * ```ts
 * const tableName = process.env[INVENTORY_TABLE.envVar] ?? INVENTORY_TABLE.localName;
 * ```
 */
export const INVENTORY_TABLE: TableDefinition = {
  id: 'Inventory',
  envVar: 'AGENTBRIDGE_INVENTORY_TABLE_NAME',
  localName: 'agentbridge-inventory',
  partitionKey: { name: INVENTORY_ATTRIBUTES.pk, type: 'S' },
  sortKey: { name: INVENTORY_ATTRIBUTES.sk, type: 'S' },
};
