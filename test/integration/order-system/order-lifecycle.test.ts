import { afterEach, describe, expect, it } from 'vitest';
import type { MessageOf } from '../../../lambdas/contracts/message-type.js';
import type {
  LifecycleTrigger,
  OrderStateChanged,
  OrderTransitionRejected,
} from '../../../lambdas/contracts/order/lifecycle-messages.js';
import type { LocalOrderSystem } from '../../../local/order-system/local-order-system.js';
import type { LocalOrderSystemOptions } from '../../../local/order-system/start-local-order-system.js';
import {
  entered,
  eventsOfType,
  openCharges,
  order,
  STOCK,
  seededOrderSystem,
  stockLevel,
} from './order-system-fixture.js';

type StateChange = MessageOf<typeof OrderStateChanged>;
type Rejection = MessageOf<typeof OrderTransitionRejected>;

let local: LocalOrderSystem | undefined;
afterEach(async () => {
  await local?.close();
  local = undefined;
});

/** A placed order whose saga completed and whose lifecycle waits in `created`. */
async function createdOrder(
  orderId: string,
  options: LocalOrderSystemOptions = {},
): Promise<LocalOrderSystem> {
  const system = await seededOrderSystem(options);
  local = system;
  await system.placeOrder(order(orderId));
  expect(JSON.parse((await system.waitForSaga(orderId)).output ?? 'null')).toMatchObject({
    outcome: 'completed',
  });
  expect((await system.waitForLifecycle(orderId)).status).toBe('RUNNING');
  return system;
}

const TRIGGER_DATA: Record<LifecycleTrigger, Record<string, unknown>> = {
  PaymentCompleted: { paymentId: 'pay-settled' },
  ProcessingStarted: {},
  ShippingConfirmed: { trackingNumber: 'TRK-123' },
  DeliveryConfirmed: {},
  OrderCancelled: { reason: 'changed my mind' },
};

async function advance(system: LocalOrderSystem, orderId: string, trigger: LifecycleTrigger) {
  await system.sendTrigger(trigger, { orderId, ...TRIGGER_DATA[trigger] });
  return system.waitForLifecycle(orderId);
}

const transitions = (system: LocalOrderSystem, orderId: string) =>
  eventsOfType<StateChange>(system, orderId, 'OrderStateChanged').map(({ from, to, trigger }) => ({
    from,
    to,
    trigger,
  }));

describe('order lifecycle, offline with the real agents', () => {
  it('runs created → paid → processing → shipped → delivered with the post-transition actions', async () => {
    const system = await createdOrder('o-ship');
    const [reservation] = system.stores.stock.reservations();
    expect(reservation?.status).toBe('reserved');

    expect((await advance(system, 'o-ship', 'PaymentCompleted')).status).toBe('RUNNING');
    // paid → inventory starts processing: the saga's reservation is committed.
    expect(system.stores.stock.reservations()[0]?.status).toBe('committed');
    expect(await stockLevel(system)).toEqual({ available: STOCK - 2, reserved: 0 });

    await advance(system, 'o-ship', 'ProcessingStarted');
    expect(await system.stores.sender.listByOrder('o-ship', 10)).toEqual([]);
    await advance(system, 'o-ship', 'ShippingConfirmed');
    // shipped → the customer hears about it, with the tracking number, by email and SMS.
    const sent = await system.stores.sender.listByOrder('o-ship', 10);
    expect(sent.map((notification) => notification.channel).sort()).toEqual(['email', 'sms']);
    for (const notification of sent) expect(notification.body).toContain('TRK-123');

    const done = await advance(system, 'o-ship', 'DeliveryConfirmed');
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? 'null')).toEqual({ orderId: 'o-ship', state: 'delivered' });
    expect(transitions(system, 'o-ship')).toEqual([
      { from: 'created', to: 'paid', trigger: 'PaymentCompleted' },
      { from: 'paid', to: 'processing', trigger: 'ProcessingStarted' },
      { from: 'processing', to: 'shipped', trigger: 'ShippingConfirmed' },
      { from: 'shipped', to: 'delivered', trigger: 'DeliveryConfirmed' },
    ]);
    expect((await system.system.orders.get('o-ship'))?.state).toBe('delivered');
    expect(openCharges(system)).toHaveLength(1);
  });

  it('links every OrderStateChanged to the trigger event that caused it', async () => {
    const system = await createdOrder('o-cause');
    await advance(system, 'o-cause', 'PaymentCompleted');
    const trigger = system.eventsOf('o-cause').find((event) => event.type === 'PaymentCompleted');
    const change = system.eventsOf('o-cause').find((event) => event.type === 'OrderStateChanged');
    expect(change).toMatchObject({
      causationId: trigger?.messageId,
      correlationId: 'o-cause',
      topic: { type: 'order.state-changed', source: 'o-cause' },
      sender: 'order-lifecycle/o-cause',
    });
  });

  it.each([
    { from: 'created', path: [] as LifecycleTrigger[] },
    { from: 'paid', path: ['PaymentCompleted'] as LifecycleTrigger[] },
  ])(
    'cancels from $from: refunds the charge, releases what is still reserved, ends cancelled',
    async ({ from, path }) => {
      const system = await createdOrder('o-cancel');
      for (const trigger of path) await advance(system, 'o-cancel', trigger);
      const done = await advance(system, 'o-cancel', 'OrderCancelled');

      expect(done.status).toBe('SUCCEEDED');
      expect(JSON.parse(done.output ?? 'null')).toEqual({ orderId: 'o-cancel', state: 'cancelled' });
      expect(transitions(system, 'o-cancel').at(-1)).toEqual({
        from,
        to: 'cancelled',
        trigger: 'OrderCancelled',
      });
      expect(entered(system.executionsOf('o-cancel').lifecycleHistory)).toEqual(
        expect.arrayContaining(['RefundOrder', 'ReleaseOrderStock', 'RecordEnding', 'PublishEnding']),
      );
      expect(system.stores.payments.all()).toEqual([
        expect.objectContaining({ orderId: 'o-cancel', status: 'refunded' }),
      ]);
      expect((await stockLevel(system)).reserved).toBe(0);
      expect((await system.system.orders.get('o-cancel'))?.state).toBe('cancelled');
      // Cancelled is final: the other trigger of that wait is no longer armed.
      expect(await system.stores.tokens.peek('o-cancel')).toEqual([]);
    },
  );

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
    const system = await seededOrderSystem();
    local = system;
    await system.sendTrigger('PaymentCompleted', { orderId: 'o-ghost', paymentId: 'p' });
    expect(eventsOfType<Rejection>(system, 'o-ghost', 'OrderTransitionRejected')).toEqual([
      expect.objectContaining({ trigger: 'PaymentCompleted', state: 'unknown' }),
    ]);
  });

  it('resumes once on a duplicated trigger event, delivered again later or concurrently', async () => {
    const system = await createdOrder('o-dup');
    const messageId = 'evt-payment-1';
    await system.sendTrigger('PaymentCompleted', { orderId: 'o-dup', paymentId: 'p' }, { messageId });
    await system.waitForLifecycle('o-dup');
    await system.sendTrigger('PaymentCompleted', { orderId: 'o-dup', paymentId: 'p' }, { messageId });
    await system.waitForLifecycle('o-dup');
    await Promise.all([
      system.sendTrigger('ProcessingStarted', { orderId: 'o-dup' }, { messageId: 'evt-processing-1' }),
      system.sendTrigger('ProcessingStarted', { orderId: 'o-dup' }, { messageId: 'evt-processing-1' }),
    ]);
    await system.waitForLifecycle('o-dup');

    expect(transitions(system, 'o-dup')).toEqual([
      { from: 'created', to: 'paid', trigger: 'PaymentCompleted' },
      { from: 'paid', to: 'processing', trigger: 'ProcessingStarted' },
    ]);
    const history = entered(system.executionsOf('o-dup').lifecycleHistory);
    expect(history.filter((state) => state === 'RecordPaid')).toHaveLength(1);
    expect(history.filter((state) => state === 'RecordProcessing')).toHaveLength(1);
    expect(eventsOfType<Rejection>(system, 'o-dup', 'OrderTransitionRejected')).toHaveLength(2);
  });

  describe('a wait that times out (callback time scale 1e-6: a day ≈ 86 ms)', () => {
    it('expires a created order: refund, release, OrderStateChanged created → expired', async () => {
      const system = await createdOrder('o-late', { callbackTimeScale: 1e-6 });
      const done = await system
        .waitForSaga('o-late')
        .then(() => system.sfn.waitForExecution(system.lifecycleExecutionArn('o-late')));

      expect(done.status).toBe('SUCCEEDED');
      expect(JSON.parse(done.output ?? 'null')).toEqual({ orderId: 'o-late', state: 'expired' });
      expect(transitions(system, 'o-late')).toEqual([
        { from: 'created', to: 'expired', trigger: 'States.HeartbeatTimeout' },
      ]);
      expect(system.stores.payments.all()).toEqual([expect.objectContaining({ status: 'refunded' })]);
      expect(await stockLevel(system)).toEqual({ available: STOCK, reserved: 0 });
      expect((await system.system.orders.get('o-late'))?.state).toBe('expired');

      // The trigger arriving after the deadline finds the wait over.
      await system.sendTrigger('PaymentCompleted', { orderId: 'o-late', paymentId: 'p' });
      expect(eventsOfType<Rejection>(system, 'o-late', 'OrderTransitionRejected')).toEqual([
        expect.objectContaining({ trigger: 'PaymentCompleted' }),
      ]);
    });

    it('expires an order stuck in processing without a refund (the goods are committed)', async () => {
      const system = await createdOrder('o-stuck', { callbackTimeScale: 1e-6 });
      await advance(system, 'o-stuck', 'PaymentCompleted');
      await advance(system, 'o-stuck', 'ProcessingStarted');
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
