import type { OrderState } from '../../contracts/order/lifecycle-messages.js';

/**
 * The lifecycle agent's read of the order aggregate: the state the orders agent last recorded (the lifecycle
 * machine's `Record*` steps write it), or `undefined` for an order that was never created. The agent reads it
 * only when a trigger finds no live token, to tell "not yet" (the machine is between two waits) from "never".
 *
 * @example
 * ```ts
 * const orders: OrderStateReader = { recordedState: async (orderId) => (await tasks.get(orderId))?.state };
 * ```
 */
export interface OrderStateReader {
  recordedState(orderId: string): Promise<OrderState | undefined>;
}
