import { StartInventoryProcessing } from '../../contracts/order/fulfilment-tasks.js';
import { CheckInventory, ReleaseInventory, ReserveInventory } from '../../contracts/order/saga-tasks.js';
import { type AgentDefinition, defineAgent } from '../../runtime/agent-definition.js';
import type { InventoryTasks } from './inventory-tasks.js';

/**
 * The inventory agent: the saga's CheckInventory, ReserveInventory and ReleaseInventory, and the lifecycle's
 * StartInventoryProcessing, each an rpc (Step Functions task or `send`).
 *
 * @example
 * ```ts
 * await runtime.register('inventory', inventoryAgent(inventoryTasks({ stock })));
 * ```
 */
export function inventoryAgent(tasks: InventoryTasks): AgentDefinition<undefined> {
  return defineAgent({
    description: 'Inventory: check, reserve, release and commit stock per saga',
    handlers: (on) => [
      on.rpc(CheckInventory, (input) => tasks.check(input)),
      on.rpc(ReserveInventory, (input) => tasks.reserve(input)),
      on.rpc(ReleaseInventory, (input) => tasks.release(input)),
      on.rpc(StartInventoryProcessing, (input) => tasks.startProcessing(input)),
    ],
  });
}
