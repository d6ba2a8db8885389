import type { TableDefinition } from '../table-definition.js';

/**
 * Agent pools' shared capacity: per pool (`pool`) one `meta` item (its current size and usage counters) and
 * one `slot#<nnnn>` item per slot (holder, lease end, fencing token). One consistent Query reads a pool whole.
 *
 * @example
 * ```ts
 * const tableName = process.env[POOL_SLOTS_TABLE.envVar] ?? POOL_SLOTS_TABLE.localName;
 * ```
 */
export const POOL_SLOTS_TABLE: TableDefinition = {
  id: 'PoolSlots',
  envVar: 'AGENTBRIDGE_POOL_SLOTS_TABLE_NAME',
  localName: 'agentbridge-pool-slots',
  partitionKey: { name: 'pool', type: 'S' },
  sortKey: { name: 'item', type: 'S' },
};
