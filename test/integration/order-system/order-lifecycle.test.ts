import { describe, expect, it } from 'vitest';
import type { LifecycleTrigger } from '../../../lambdas/contracts/order/lifecycle-messages.js';
import { advance, createdOrders, transitions } from './lifecycle-fixture.js';
import { entered, openCharges, STOCK, stockLevel } from './order-system-fixture.js';

const createdOrder = createdOrders();

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
      sender: 'lifecycle/o-cause',
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
});
