import type { LifecycleTrigger } from '../../lambdas/contracts/order/lifecycle-messages.js';
import type { DemoOrder } from './demo-scenario.js';

/**
 * The payload of a lifecycle trigger for a demo order: the payment id for PaymentCompleted, a tracking
 * number derived from the order id for ShippingConfirmed, the scenario's reason for OrderCancelled.
 *
 * @example
 * ```ts
 * triggerData(order, 'ShippingConfirmed', 'pay-1'); // { orderId: 'o-1001', trackingNumber: 'TRK-1001' }
 * ```
 */
export function triggerData(
  order: DemoOrder,
  trigger: LifecycleTrigger,
  paymentId: string,
): { readonly orderId: string } & Readonly<Record<string, unknown>> {
  const { orderId } = order;
  switch (trigger) {
    case 'PaymentCompleted':
      return { orderId, paymentId };
    case 'ShippingConfirmed':
      return { orderId, trackingNumber: `TRK-${orderId.replace(/^o-/, '')}` };
    case 'OrderCancelled':
      return { orderId, reason: order.cancelReason ?? 'customer request' };
    default:
      return { orderId };
  }
}
