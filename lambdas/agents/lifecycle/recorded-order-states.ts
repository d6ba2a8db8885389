import type { OrderTasks } from '../orders/order-tasks.js';
import type { OrderStateReader } from './order-state-reader.js';

/**
 * The order states as the orders agent recorded them: a load of the order's event stream (`order-<orderId>`),
 * the same read `GetOrder` answers from. Needs read access to the event store table (Query).
 *
 * @example
 * ```ts
 * const orders = recordedOrderStates(orderTasks({ events }));
 * await orders.recordedState('o-1'); // 'paid'
 * ```
 */
export function recordedOrderStates(orders: Pick<OrderTasks, 'get'>): OrderStateReader {
  return {
    async recordedState(orderId) {
      return (await orders.get(orderId))?.state;
    },
  };
}
