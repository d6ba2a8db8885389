import type { LifecycleTrigger } from '../../lambdas/contracts/order/lifecycle-messages.js';
import type { DemoOrder } from './demo-scenario.js';

/** The saga's charge for an order, as its output reports it: what the order's PaymentCompleted must carry. */
export interface DemoCharge {
  readonly paymentId: string;
  readonly amount: number;
}

/**
 * The payload of a lifecycle trigger for a demo order: the saga's charge (payment id and amount) for
 * PaymentCompleted, a tracking number derived from the order id for ShippingConfirmed, the scenario's reason
 * for OrderCancelled.
 *
 * @example
 * ```ts
 * triggerData(order, 'PaymentCompleted', { paymentId: 'pay-1', amount: 2500 }); // { orderId: 'o-1001', paymentId: 'pay-1', amount: 2500 }
 * ```
 */
export function triggerData(
  order: DemoOrder,
  trigger: LifecycleTrigger,
  charge: DemoCharge,
): { readonly orderId: string } & Readonly<Record<string, unknown>> {
  const { orderId } = order;
  switch (trigger) {
    case 'PaymentCompleted':
      return { orderId, paymentId: charge.paymentId, amount: charge.amount };
    case 'ShippingConfirmed':
      return { orderId, trackingNumber: `TRK-${orderId.replace(/^o-/, '')}` };
    case 'OrderCancelled':
      return { orderId, reason: order.cancelReason ?? 'customer request' };
    default:
      return { orderId };
  }
}
