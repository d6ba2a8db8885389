import { orderTasks } from '../agents/orders/order-tasks.js';
import { ORDERS_AGENT } from '../agents/orders/orders-declaration.js';
import { EVENT_STORE_TABLE } from '../contracts/tables/event-store-table.js';
import { agentHandler } from '../runtime/lambda/agent-handler.js';
import { DynamoDbEventStoreAdapter } from '../stores/event-store/dynamodb/dynamodb-event-store-adapter.js';
import { EventStore } from '../stores/event-store/event-store.js';
import { agentFunctionWiring } from './agent-function-wiring.js';

/**
 * The orders agent's Lambda function: the saga's CreateOrder, the lifecycle's RecordOrderTransition, GetOrder.
 * Order events go to the event store; its stream (the outbox) publishes them (see {@link ORDERS_AGENT}).
 * Reads (`events.load`) start from the newest snapshot the snapshot function (`snapshot-handler.ts`) wrote
 * from the same stream; the store gets no `snapshots` option here because a background snapshot started
 * after an append would be frozen with the Lambda container.
 */
const wiring = agentFunctionWiring(ORDERS_AGENT.agentType);
const events = new EventStore({
  adapter: new DynamoDbEventStoreAdapter({
    documentClient: wiring.documentClient,
    tableName: wiring.tableName(EVENT_STORE_TABLE),
  }),
});

export const handler = agentHandler(ORDERS_AGENT, { tasks: orderTasks({ events }) }, wiring.deps);
