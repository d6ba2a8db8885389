import { RecordOrderTransition } from '../../contracts/order/fulfilment-tasks.js';
import { GetOrder } from '../../contracts/order/order-view.js';
import { CreateOrder } from '../../contracts/order/saga-tasks.js';
import { type AgentDefinition, defineAgent } from '../../runtime/agent-definition.js';
import type { OrderTasks } from './order-tasks.js';

/**
 * The orders agent: the saga's CreateOrder, the lifecycle's RecordOrderTransition, and GetOrder.
 *
 * @example
 * ```ts
 * await runtime.register('orders', ordersAgent(orderTasks({ events })));
 * ```
 */
export function ordersAgent(tasks: OrderTasks): AgentDefinition<undefined> {
  return defineAgent({
    description: 'Orders: the event-sourced order aggregate',
    handlers: (on) => [
      on.rpc(CreateOrder, (input) => tasks.create(input)),
      on.rpc(RecordOrderTransition, (input) => tasks.recordTransition(input)),
      on.rpc(GetOrder, async ({ orderId }) => ({ order: await tasks.get(orderId) })),
    ],
  });
}
