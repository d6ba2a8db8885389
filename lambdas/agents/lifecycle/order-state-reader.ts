import type { OrderState } from '../../contracts/order/lifecycle-messages.js';

/**
 * An order as the lifecycle agent needs it: the state the orders agent last recorded, and the saga's charge
 * as OrderCreated recorded it (the payment id and the amount in minor units a PaymentCompleted must match).
 */
export interface RecordedOrder {
  readonly state: OrderState;
  readonly paymentId: string;
  readonly amount: number;
}

/**
 * The lifecycle agent's read of the order aggregate, or `undefined` for an order that was never created. The
 * agent reads it when a trigger finds no live token, to tell "not yet" (the machine is between two waits)
 * from "never", and for every new PaymentCompleted, which must match the charge.
 *
 * @example
 * ```ts
 * const orders: OrderStateReader = { recordedOrder: async (orderId) => (await tasks.get(orderId)) ?? undefined };
 * ```
 */
export interface OrderStateReader {
  recordedOrder(orderId: string): Promise<RecordedOrder | undefined>;
}
