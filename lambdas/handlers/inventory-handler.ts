import { INVENTORY_AGENT } from '../agents/inventory/inventory-declaration.js';
import { inventoryTasks } from '../agents/inventory/inventory-tasks.js';
import { INVENTORY_TABLE } from '../contracts/tables/inventory-table.js';
import { agentHandler } from '../runtime/lambda/agent-handler.js';
import { DynamoDbInventoryStore } from '../stores/inventory/dynamodb/dynamodb-inventory-store.js';
import { agentFunctionWiring } from './agent-function-wiring.js';

/**
 * The inventory agent's Lambda function: saga tasks CheckInventory / ReserveInventory / ReleaseInventory and
 * the lifecycle's StartInventoryProcessing, as Step Functions tasks or sends (see {@link INVENTORY_AGENT}).
 */
const wiring = agentFunctionWiring(INVENTORY_AGENT.agentType);
const stock = new DynamoDbInventoryStore({
  documentClient: wiring.documentClient,
  tableName: wiring.tableName(INVENTORY_TABLE),
});

export const handler = agentHandler(INVENTORY_AGENT, { tasks: inventoryTasks({ stock }) }, wiring.deps);
