import type { OrderTasks } from '../orders/order-tasks.js';
import type { OrderStateReader } from './order-state-reader.js';

/**
 * The orders as the orders agent recorded them: a load of the order's event stream (`order-<orderId>`), the
 * same read `GetOrder` answers from: its state and the charge OrderCreated recorded. Needs read access to the
 * event store table (Query).
 *
 * @example
 * ```ts
 * const orders = recordedOrderStates(orderTasks({ events }));
 * await orders.recordedOrder('o-1'); // { state: 'paid', paymentId: 'pay_…', amount: 2500 }
 * ```
 */
export function recordedOrderStates(orders: Pick<OrderTasks, 'get'>): OrderStateReader {
  return {
    async recordedOrder(orderId) {
      const order = await orders.get(orderId);
      return order === null
        ? undefined
        : { state: order.state, paymentId: order.paymentId, amount: order.amount };
    },
  };
}
