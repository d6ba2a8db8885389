import { describe, expect, it } from 'vitest';
import { orderTasks } from '../../../../lambdas/agents/orders/order-tasks.js';
import {
  InvalidOrderTransitionError,
  OrderNotFoundError,
} from '../../../../lambdas/agents/orders/orders-error.js';
import { orderStreamId } from '../../../../lambdas/contracts/order/order-events.js';
import { EventStore } from '../../../../lambdas/stores/event-store/event-store.js';
import { InMemoryEventStoreAdapter } from '../../../../lambdas/stores/event-store/in-memory/in-memory-event-store-adapter.js';

const setup = () => {
  const events = new EventStore({ adapter: new InMemoryEventStoreAdapter() });
  return { events, orders: orderTasks({ events }) };
};
const create = (sagaId = 'saga-1') => ({
  sagaId,
  orderId: 'order-1',
  userId: 'u-1',
  items: [{ sku: 'A', quantity: 1, unitPrice: 100 }],
  amount: 100,
  paymentId: 'pay_1',
});

describe('order tasks', () => {
  it('creates the order as the first event of its stream, once per saga', async () => {
    const { orders, events } = setup();
    expect(await orders.create(create())).toEqual({ orderId: 'order-1', state: 'created', version: 1 });
    expect(await orders.create(create())).toEqual({ orderId: 'order-1', state: 'created', version: 1 });
    const page = await events.readForward(orderStreamId('order-1'));
    expect(page.events.map((e) => e.type)).toEqual(['OrderCreated']);
  });

  it('refuses the same order id from another saga with OrderAlreadyExistsError', async () => {
    const { orders } = setup();
    await orders.create(create());
    await expect(orders.create(create('saga-2'))).rejects.toMatchObject({
      name: 'OrderAlreadyExistsError',
      code: 'ORDER_ALREADY_EXISTS',
    });
  });

  it('records the whole lifecycle as events, with history and tracking number', async () => {
    const { orders, events } = setup();
    await orders.create(create());
    await orders.recordTransition({ orderId: 'order-1', to: 'paid', trigger: 'PaymentCompleted' });
    await orders.recordTransition({ orderId: 'order-1', to: 'processing', trigger: 'ProcessingStarted' });
    await orders.recordTransition({
      orderId: 'order-1',
      to: 'shipped',
      trigger: 'ShippingConfirmed',
      trackingNumber: '1Z999',
    });
    const last = await orders.recordTransition({
      orderId: 'order-1',
      to: 'delivered',
      trigger: 'DeliveryConfirmed',
    });
    expect(last).toEqual({ orderId: 'order-1', state: 'delivered', version: 5, changed: true });
    const order = await orders.get('order-1');
    expect(order?.trackingNumber).toBe('1Z999');
    expect(order?.history.map((h) => `${h.from ?? '∅'}→${h.to}`)).toEqual([
      '∅→created',
      'created→paid',
      'paid→processing',
      'processing→shipped',
      'shipped→delivered',
    ]);
    const page = await events.readForward(orderStreamId('order-1'));
    expect(page.events.map((e) => e.type)).toEqual([
      'OrderCreated',
      'OrderPaid',
      'OrderProcessingStarted',
      'OrderShipped',
      'OrderDelivered',
    ]);
    expect(page.events[1]?.metadata.trigger).toBe('PaymentCompleted');
  });

  it('answers a repeated transition with changed: false and appends nothing', async () => {
    const { orders } = setup();
    await orders.create(create());
    await orders.recordTransition({ orderId: 'order-1', to: 'paid', trigger: 'PaymentCompleted' });
    expect(
      await orders.recordTransition({ orderId: 'order-1', to: 'paid', trigger: 'PaymentCompleted' }),
    ).toEqual({
      orderId: 'order-1',
      state: 'paid',
      version: 2,
      changed: false,
    });
  });

  it('cancels from created and from paid, but not once shipped', async () => {
    const { orders } = setup();
    await orders.create(create());
    await orders.recordTransition({
      orderId: 'order-1',
      to: 'cancelled',
      trigger: 'OrderCancelled',
      reason: 'changed mind',
    });
    expect((await orders.get('order-1'))?.cancellationReason).toBe('changed mind');
    await expect(
      orders.recordTransition({ orderId: 'order-1', to: 'paid', trigger: 'PaymentCompleted' }),
    ).rejects.toBeInstanceOf(InvalidOrderTransitionError);
  });

  it('requires a tracking number to ship', async () => {
    const { orders } = setup();
    await orders.create(create());
    await orders.recordTransition({ orderId: 'order-1', to: 'paid', trigger: 'PaymentCompleted' });
    await orders.recordTransition({ orderId: 'order-1', to: 'processing', trigger: 'ProcessingStarted' });
    await expect(
      orders.recordTransition({ orderId: 'order-1', to: 'shipped', trigger: 'ShippingConfirmed' }),
    ).rejects.toThrow(/tracking number/);
  });

  it('rejects a transition of an unknown order with OrderNotFoundError', async () => {
    const { orders } = setup();
    await expect(
      orders.recordTransition({ orderId: 'nope', to: 'paid', trigger: 'PaymentCompleted' }),
    ).rejects.toBeInstanceOf(OrderNotFoundError);
  });

  it('lets concurrent duplicates of one transition append it once', async () => {
    const { orders, events } = setup();
    await orders.create(create());
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        orders.recordTransition({ orderId: 'order-1', to: 'paid', trigger: 'PaymentCompleted' }),
      ),
    );
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(await events.currentVersion(orderStreamId('order-1'))).toBe(2);
  });
});
