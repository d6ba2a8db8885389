import { expect } from 'vitest';
import type { MessageOf } from '../../../lambdas/contracts/message-type.js';
import type {
  LifecycleTrigger,
  OrderStateChanged,
} from '../../../lambdas/contracts/order/lifecycle-messages.js';
import type { LocalOrderSystem } from '../../../local/order-system/local-order-system.js';
import type { LocalOrderSystemOptions } from '../../../local/order-system/start-local-order-system.js';
import { order, orderSystems } from './order-system-fixture.js';

type StateChange = MessageOf<typeof OrderStateChanged>;

/** What each trigger carries besides the order id; a PaymentCompleted reports the order's charge instead. */
const TRIGGER_DATA: Record<Exclude<LifecycleTrigger, 'PaymentCompleted'>, Record<string, unknown>> = {
  ProcessingStarted: {},
  ShippingConfirmed: { trackingNumber: 'TRK-123' },
  DeliveryConfirmed: {},
  OrderCancelled: { reason: 'changed my mind' },
};

/** The charge the saga made for the order (payment id and amount), as OrderCreated recorded it. */
export async function chargeOf(
  system: LocalOrderSystem,
  orderId: string,
): Promise<{ paymentId: string; amount: number }> {
  const recorded = await system.system.orders.get(orderId);
  if (recorded === null) throw new Error(`no order ${orderId} is recorded`);
  return { paymentId: recorded.paymentId, amount: recorded.amount };
}

/** The genuine payload of a trigger for an order, as its producer sends it. */
export async function triggerData(system: LocalOrderSystem, orderId: string, trigger: LifecycleTrigger) {
  if (trigger === 'PaymentCompleted') return { orderId, ...(await chargeOf(system, orderId)) };
  return { orderId, ...TRIGGER_DATA[trigger] };
}

/** Seeded systems with an order placed whose saga completed and whose lifecycle waits in `created`. */
export function createdOrders(): (
  orderId: string,
  options?: LocalOrderSystemOptions,
) => Promise<LocalOrderSystem> {
  const systems = orderSystems();
  return async (orderId, options = {}) => {
    const system = await systems.seeded(options);
    await system.placeOrder(order(orderId));
    expect(JSON.parse((await system.waitForSaga(orderId)).output ?? 'null')).toMatchObject({
      outcome: 'completed',
    });
    expect((await system.waitForLifecycle(orderId)).status).toBe('RUNNING');
    return system;
  };
}

/** Sends a trigger and waits until the lifecycle waits again (or has ended). */
export async function advance(system: LocalOrderSystem, orderId: string, trigger: LifecycleTrigger) {
  await system.sendTrigger(trigger, await triggerData(system, orderId, trigger));
  return system.waitForLifecycle(orderId);
}

/**
 * The order's OrderStateChanged events, as from → to by trigger, as a consumer deduplicating on the message id
 * sees them: a retried state entry publishes its transition again under the same id.
 */
export const transitions = (system: LocalOrderSystem, orderId: string) => {
  const seen = new Set<string>();
  return system
    .eventsOf(orderId)
    .filter((event) => event.type === 'OrderStateChanged')
    .filter((event) => !seen.has(event.messageId) && seen.add(event.messageId) !== undefined)
    .map((event) => {
      const { from, to, trigger } = event.data as StateChange;
      return { from, to, trigger };
    });
};
