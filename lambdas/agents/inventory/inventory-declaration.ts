import { ORDER_AGENT_TYPES } from '../../contracts/order/order-agent-types.js';
import { ORDER_TABLE_ACTIONS } from '../../contracts/order/order-table-actions.js';
import { agentFunctionTables } from '../../contracts/table-access.js';
import { INVENTORY_TABLE } from '../../contracts/tables/inventory-table.js';
import { declareAgent } from '../../runtime/agent-declaration.js';
import { inventoryAgent } from './inventory-agent.js';
import type { InventoryTasks } from './inventory-tasks.js';

/**
 * The inventory agent, declared once for its Lambda function, the stack and the in-process system: the
 * saga's CheckInventory / ReserveInventory / ReleaseInventory tasks and the lifecycle's
 * StartInventoryProcessing send, on the inventory table (read/write). No subscription: nothing reaches it
 * over the bus.
 *
 * @example
 * ```ts
 * await registerAgent(runtime, INVENTORY_AGENT, { tasks: inventoryTasks({ stock }) });
 * ```
 */
export const INVENTORY_AGENT = declareAgent({
  agentType: ORDER_AGENT_TYPES.inventory,
  tables: [
    ...agentFunctionTables(ORDER_AGENT_TYPES.inventory),
    { table: INVENTORY_TABLE, actions: ORDER_TABLE_ACTIONS.inventory },
  ],
  // Nothing publishes to its direct-message topics: an open "<type>:" rule would admit unchecked senders.
  skipDirectMessageSubscription: true,
  define: ({ tasks }: { readonly tasks: InventoryTasks }) => inventoryAgent(tasks),
});
