import { inventoryAgent } from '../agents/inventory/inventory-agent.js';
import { inventoryTasks } from '../agents/inventory/inventory-tasks.js';
import { ORDER_AGENT_TYPES } from '../contracts/order/order-agent-types.js';
import { INVENTORY_TABLE } from '../contracts/tables/inventory-table.js';
import { agentHandler } from '../runtime/lambda/agent-handler.js';
import { DynamoDbInventoryStore } from '../stores/inventory/dynamodb/dynamodb-inventory-store.js';
import { agentFunctionWiring } from './agent-function-wiring.js';

/**
 * The inventory agent's Lambda function: saga tasks CheckInventory / ReserveInventory / ReleaseInventory and
 * the lifecycle's StartInventoryProcessing, as Step Functions tasks or sends. Tables: inventory (read/write).
 */
const wiring = agentFunctionWiring(ORDER_AGENT_TYPES.inventory);
const stock = new DynamoDbInventoryStore({
  documentClient: wiring.documentClient,
  tableName: wiring.tableName(INVENTORY_TABLE),
});

export const handler = agentHandler({
  agentType: ORDER_AGENT_TYPES.inventory,
  definition: inventoryAgent(inventoryTasks({ stock })),
  deps: wiring.deps,
});
