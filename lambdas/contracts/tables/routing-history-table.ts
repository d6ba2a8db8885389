import type { TableDefinition } from '../table-definition.js';

/**
 * Smart routers' shared performance history: per router (`router`) a `candidate#<name>` counter item per
 * candidate, an `outcome#<epoch ms>#<id>` item per recent outcome (what the model is trained on), and a
 * `meta` item with the trained model and the outcomes since.
 *
 * @example
 * ```ts
 * const tableName = process.env[ROUTING_HISTORY_TABLE.envVar] ?? ROUTING_HISTORY_TABLE.localName;
 * ```
 */
export const ROUTING_HISTORY_TABLE: TableDefinition = {
  id: 'RoutingHistory',
  envVar: 'AGENTBRIDGE_ROUTING_HISTORY_TABLE_NAME',
  localName: 'agentbridge-routing-history',
  partitionKey: { name: 'router', type: 'S' },
  sortKey: { name: 'item', type: 'S' },
};
