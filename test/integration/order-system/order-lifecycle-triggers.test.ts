import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MessageOf } from '../../../lambdas/contracts/message-type.js';
import type {
  LifecycleTrigger,
  OrderTransitionRejected,
} from '../../../lambdas/contracts/order/lifecycle-messages.js';
import { LocalClock } from '../../../local/cloud/local-clock.js';
import { advance, chargeOf, createdOrders, transitions } from './lifecycle-fixture.js';
import {
  entered,
  eventsOfType,
  openCharges,
  orderSystems,
  STOCK,
  stockLevel,
} from './order-system-fixture.js';

type Rejection = MessageOf<typeof OrderTransitionRejected>;

const createdOrder = createdOrders();

/** A lifecycle wait's HeartbeatSeconds in ms, as its ASL file sets it (nothing heartbeats: the deadline). */
function heartbeatMs(stateName: string): number {
  const definition = JSON.parse(
    readFileSync(new URL('../../../statemachines/order-lifecycle.asl.json', import.meta.url), 'utf8'),
  ) as { States: Record<string, { HeartbeatSeconds?: number }> };
  const seconds = definition.States[stateName]?.HeartbeatSeconds;
  if (seconds === undefined) throw new Error(`${stateName} has no HeartbeatSeconds`);
  return seconds * 1_000;
}
const systems = orderSystems();

describe('order lifecycle triggers, offline with the real agents', () => {
  it.each([
    { state: 'created', path: [] as LifecycleTrigger[], trigger: 'ShippingConfirmed' as LifecycleTrigger },
    {
      state: 'paid',
      path: ['PaymentCompleted'] as LifecycleTrigger[],
      trigger: 'DeliveryConfirmed' as LifecycleTrigger,
    },
    {
      state: 'processing',
      path: ['PaymentCompleted', 'ProcessingStarted'] as LifecycleTrigger[],
      trigger: 'OrderCancelled' as LifecycleTrigger,
    },
  ])(
    'rejects $trigger in $state with OrderTransitionRejected, and changes nothing',
    async ({ state, path, trigger }) => {
      const system = await createdOrder('o-wrong');
      for (const step of path) await advance(system, 'o-wrong', step);
      const before = transitions(system, 'o-wrong');
      const parked = await advance(system, 'o-wrong', trigger);

      expect(parked.status).toBe('RUNNING');
      expect(eventsOfType<Rejection>(system, 'o-wrong', 'OrderTransitionRejected')).toEqual([
        expect.objectContaining({
          orderId: 'o-wrong',
          trigger,
          state,
          reason: expect.stringContaining(trigger),
        }),
      ]);
      expect(transitions(system, 'o-wrong')).toEqual(before);
      // The wait is intact: the right trigger still moves the order on.
      const next: LifecycleTrigger =
        state === 'created'
          ? 'PaymentCompleted'
          : state === 'paid'
            ? 'ProcessingStarted'
            : 'ShippingConfirmed';
      await advance(system, 'o-wrong', next);
      expect(transitions(system, 'o-wrong')).toHaveLength(before.length + 1);
    },
  );

  it('rejects a trigger for an order no lifecycle waits for, in state unknown', async () => {
    const system = await systems.seeded();
    await system.sendTrigger('PaymentCompleted', { orderId: 'o-ghost', paymentId: 'p', amount: 1_000 });
    expect(eventsOfType<Rejection>(system, 'o-ghost', 'OrderTransitionRejected')).toEqual([
      expect.objectContaining({ trigger: 'PaymentCompleted', state: 'unknown' }),
    ]);
  });

  it('resumes once on a duplicated trigger event, delivered again later or concurrently', async () => {
    const system = await createdOrder('o-dup');
    const messageId = 'evt-payment-1';
    const payment = { orderId: 'o-dup', ...(await chargeOf(system, 'o-dup')) };
    await system.sendTrigger('PaymentCompleted', payment, { messageId });
    await system.waitForLifecycle('o-dup');
    await system.sendTrigger('PaymentCompleted', payment, { messageId });
    await system.waitForLifecycle('o-dup');
    await Promise.all([
      system.sendTrigger('ProcessingStarted', { orderId: 'o-dup' }, { messageId: 'evt-processing-1' }),
      system.sendTrigger('ProcessingStarted', { orderId: 'o-dup' }, { messageId: 'evt-processing-1' }),
    ]);
    await system.waitForLifecycle('o-dup');
    // Another event of a trigger already taken is rejected; a redelivery of the same event changes nothing.
    await system.sendTrigger('PaymentCompleted', payment, { messageId: 'evt-payment-2' });

    expect(transitions(system, 'o-dup')).toEqual([
      { from: 'created', to: 'paid', trigger: 'PaymentCompleted' },
      { from: 'paid', to: 'processing', trigger: 'ProcessingStarted' },
    ]);
    const history = entered(system.executionsOf('o-dup').lifecycleHistory);
    // Paid is entered by AwaitProcessing's task, processing by AwaitShipment's: each once.
    expect(history.filter((state) => state === 'AwaitProcessing')).toHaveLength(1);
    expect(history.filter((state) => state === 'AwaitShipment')).toHaveLength(1);
    expect(eventsOfType<Rejection>(system, 'o-dup', 'OrderTransitionRejected')).toEqual([
      expect.objectContaining({ trigger: 'PaymentCompleted', state: 'processing' }),
    ]);
  });

  describe('a wait that times out (deadlines on timers the test moves)', () => {
    it('expires a created order: refund, release, OrderStateChanged created → expired', async () => {
      const timers = new LocalClock({ start: 0 });
      const system = await createdOrder('o-late', { callbackTimer: timers.schedule });
      await timers.advance(heartbeatMs('AwaitPayment'));
      const done = await system.sfn.waitForExecution(system.lifecycleExecutionArn('o-late'));

      expect(done.status).toBe('SUCCEEDED');
      expect(JSON.parse(done.output ?? 'null')).toEqual({ orderId: 'o-late', state: 'expired' });
      expect(transitions(system, 'o-late')).toEqual([
        { from: 'created', to: 'expired', trigger: 'States.HeartbeatTimeout' },
      ]);
      expect(system.stores.payments.all()).toEqual([expect.objectContaining({ status: 'refunded' })]);
      expect(await stockLevel(system)).toEqual({ available: STOCK, reserved: 0 });
      expect((await system.system.orders.get('o-late'))?.state).toBe('expired');

      // The trigger arriving after the deadline finds the wait over.
      await system.sendTrigger('PaymentCompleted', {
        orderId: 'o-late',
        ...(await chargeOf(system, 'o-late')),
      });
      expect(eventsOfType<Rejection>(system, 'o-late', 'OrderTransitionRejected')).toEqual([
        expect.objectContaining({ trigger: 'PaymentCompleted' }),
      ]);
    });

    it('expires an order stuck in processing without a refund (the goods are committed)', async () => {
      const timers = new LocalClock({ start: 0 });
      const system = await createdOrder('o-stuck', { callbackTimer: timers.schedule });
      await advance(system, 'o-stuck', 'PaymentCompleted');
      await advance(system, 'o-stuck', 'ProcessingStarted');
      await timers.advance(heartbeatMs('AwaitShipment'));
      const done = await system.sfn.waitForExecution(system.lifecycleExecutionArn('o-stuck'));

      expect(JSON.parse(done.output ?? 'null')).toEqual({ orderId: 'o-stuck', state: 'expired' });
      expect(transitions(system, 'o-stuck').at(-1)).toEqual({
        from: 'processing',
        to: 'expired',
        trigger: 'States.HeartbeatTimeout',
      });
      expect(openCharges(system)).toHaveLength(1);
      expect(entered(system.executionsOf('o-stuck').lifecycleHistory)).not.toContain('RefundOrder');
    });
  });
});
