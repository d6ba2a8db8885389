import { ORDER_AGENT_TYPES } from '../../contracts/order/order-agent-types.js';
import { orderStreamId } from '../../contracts/order/order-events.js';
import { agentFunctionTables, TABLE_ACTIONS } from '../../contracts/table-access.js';
import { EVENT_STORE_TABLE } from '../../contracts/tables/event-store-table.js';
import { declareAgent } from '../../runtime/agent-declaration.js';
import type { OrderTasks } from './order-tasks.js';
import { ordersAgent } from './orders-agent.js';

/**
 * The orders agent, declared once for its Lambda function, the stack and the in-process system: the saga's
 * CreateOrder, the lifecycle's RecordOrderTransition and GetOrder, on the event store (append/read, its own
 * `order-*` streams only). No subscription: order events leave through the event store's outbox.
 *
 * @example
 * ```ts
 * await registerAgent(runtime, ORDERS_AGENT, { tasks: orderTasks({ events }) });
 * ```
 */
export const ORDERS_AGENT = declareAgent({
  agentType: ORDER_AGENT_TYPES.orders,
  tables: [
    ...agentFunctionTables(ORDER_AGENT_TYPES.orders),
    { table: EVENT_STORE_TABLE, actions: TABLE_ACTIONS.eventStore, leadingKeyPatterns: [orderStreamId('*')] },
  ],
  // Nothing publishes to its direct-message topics: an open "<type>:" rule would admit unchecked senders.
  skipDirectMessageSubscription: true,
  define: ({ tasks }: { readonly tasks: OrderTasks }) => ordersAgent(tasks),
});
