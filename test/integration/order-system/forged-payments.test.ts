import { describe, expect, it } from 'vitest';
import type { MessageOf } from '../../../lambdas/contracts/message-type.js';
import type { OrderTransitionRejected } from '../../../lambdas/contracts/order/lifecycle-messages.js';
import { advance, chargeOf, createdOrders, transitions } from './lifecycle-fixture.js';
import { eventsOfType, order } from './order-system-fixture.js';

type Rejection = MessageOf<typeof OrderTransitionRejected>;

const createdOrder = createdOrders();

type Charge = { paymentId: string; amount: number };

const FORGERIES = [
  {
    what: 'a wrong amount',
    forge: (charge: Charge) => ({ ...charge, amount: charge.amount - 1 }),
    because: 'is not the amount charged for this order',
  },
  {
    what: 'a wrong payment id',
    forge: (charge: Charge) => ({ ...charge, paymentId: `${charge.paymentId}-x` }),
    because: 'the payment id is not the one charged for this order',
  },
  {
    what: "another order's payment",
    forge: (_charge: Charge, other: Charge) => other,
    because: 'the payment id is not the one charged for this order',
  },
] as const;
describe('a forged PaymentCompleted from the payment gateway, offline with the real agents', () => {
  it.each(FORGERIES)(
    'with $what changes no order, and the genuine payment then moves it to paid',
    async ({ forge, because }) => {
      const system = await createdOrder('o-forged');
      await system.placeOrder(order('o-bystander'));
      await system.waitForSaga('o-bystander');
      const charge = await chargeOf(system, 'o-forged');
      const other = await chargeOf(system, 'o-bystander');
      expect(other.amount).toBe(charge.amount);

      await system.sendTrigger('PaymentCompleted', { orderId: 'o-forged', ...forge(charge, other) });

      expect((await system.waitForLifecycle('o-forged')).status).toBe('RUNNING');
      expect(eventsOfType<Rejection>(system, 'o-forged', 'OrderTransitionRejected')).toEqual([
        {
          orderId: 'o-forged',
          trigger: 'PaymentCompleted',
          state: 'created',
          reason: expect.stringContaining(because),
        },
      ]);
      expect(transitions(system, 'o-forged')).toEqual([]);
      expect((await system.system.orders.get('o-forged'))?.state).toBe('created');
      expect((await system.stores.tokens.read('o-forged')).inbox).toEqual([]);

      expect((await advance(system, 'o-forged', 'PaymentCompleted')).status).toBe('RUNNING');
      expect(transitions(system, 'o-forged')).toEqual([
        { from: 'created', to: 'paid', trigger: 'PaymentCompleted' },
      ]);
      expect((await system.system.orders.get('o-bystander'))?.state).toBe('created');
    },
  );
});
