import { describe, expect, it } from 'vitest';
import { inMemoryOrderSystem } from '../../../lambdas/agents/in-memory-order-system.js';
import { INVENTORY_AGENT } from '../../../lambdas/agents/inventory/inventory-declaration.js';
import { NOTIFICATION_AGENT } from '../../../lambdas/agents/notification/notification-declaration.js';
import { ORDERS_AGENT } from '../../../lambdas/agents/orders/orders-declaration.js';
import { PAYMENT_AGENT } from '../../../lambdas/agents/payment/payment-declaration.js';
import { USERS_AGENT } from '../../../lambdas/agents/users/users-declaration.js';
import {
  RecordOrderTransition,
  SendShippingNotification,
  StartInventoryProcessing,
} from '../../../lambdas/contracts/order/fulfilment-tasks.js';
import { GetOrder } from '../../../lambdas/contracts/order/order-view.js';
import {
  ChargePayment,
  CheckInventory,
  CreateOrder,
  ReleaseInventory,
  ReserveInventory,
  ValidateUser,
} from '../../../lambdas/contracts/order/saga-tasks.js';
import { domainTopic } from '../../../lambdas/contracts/topics.js';
import { CreateUser } from '../../../lambdas/contracts/users/user-commands.js';
import { UserUpdated } from '../../../lambdas/contracts/users/user-events.js';
import { GetUser } from '../../../lambdas/contracts/users/user-queries.js';
import { registerAgent } from '../../../lambdas/runtime/agent-declaration.js';
import { AgentId } from '../../../lambdas/runtime/agent-id.js';
import { InProcessRuntime } from '../../../lambdas/runtime/in-process-runtime.js';
import { TopicId } from '../../../lambdas/runtime/topic-id.js';

/** The five agents on one in-process runtime, over one set of in-memory stores. */
const start = async () => {
  const system = inMemoryOrderSystem();
  const runtime = new InProcessRuntime({ logger: { warn() {}, error() {} } });
  await registerAgent(runtime, USERS_AGENT, system.users);
  await registerAgent(runtime, INVENTORY_AGENT, { tasks: system.inventory });
  await registerAgent(runtime, PAYMENT_AGENT, { tasks: system.payment });
  await registerAgent(runtime, ORDERS_AGENT, { tasks: system.orders });
  await registerAgent(runtime, NOTIFICATION_AGENT, { tasks: system.notification });
  return { system, runtime };
};

describe('the order system agents, by message', () => {
  it('runs a saga happy path and the lifecycle to delivery through send', async () => {
    const { system, runtime } = await start();
    await system.stores.stock.restock('WIDGET', 10);
    const at = (type: string, key: string) => new AgentId(type, key);
    await runtime.send(
      CreateUser,
      { userId: 'u-ada', email: 'ada@example.com', name: 'Ada' },
      at('users', 'u-ada'),
    );
    const step = { sagaId: 'saga-1', orderId: 'order-1' };
    const items = [{ sku: 'WIDGET', quantity: 3, unitPrice: 999 }];
    await runtime.send(ValidateUser, { ...step, userId: 'u-ada' }, at('users', 'u-ada'));
    await runtime.send(CheckInventory, { ...step, items }, at('inventory', 'order-1'));
    await runtime.send(ReserveInventory, { ...step, items }, at('inventory', 'order-1'));
    const { paymentId, amount } = await runtime.send(
      ChargePayment,
      { ...step, userId: 'u-ada', items, payment: { cardToken: 'tok_visa' } },
      at('payment', 'order-1'),
    );
    await runtime.send(
      CreateOrder,
      { ...step, userId: 'u-ada', items, amount, paymentId },
      at('orders', 'order-1'),
    );
    const move = (to: 'paid' | 'processing' | 'shipped' | 'delivered', trigger: string, extra = {}) =>
      runtime.send(
        RecordOrderTransition,
        { orderId: 'order-1', to, trigger, ...extra },
        at('orders', 'order-1'),
      );
    await move('paid', 'PaymentCompleted');
    await runtime.send(StartInventoryProcessing, step, at('inventory', 'order-1'));
    await move('processing', 'ProcessingStarted');
    await move('shipped', 'ShippingConfirmed', { trackingNumber: '1Z999' });
    await runtime.send(
      SendShippingNotification,
      { orderId: 'order-1', userId: 'u-ada', trackingNumber: '1Z999' },
      at('notification', 'order-1'),
    );
    await move('delivered', 'DeliveryConfirmed');
    const { order } = await runtime.send(GetOrder, { orderId: 'order-1' }, at('orders', 'order-1'));
    expect(order).toMatchObject({ state: 'delivered', amount: 2_997, trackingNumber: '1Z999' });
    expect(await system.stores.stock.stockLevels(['WIDGET'])).toEqual([
      { sku: 'WIDGET', available: 7, reserved: 0 },
    ]);
    expect((await system.stores.sender.listByOrder('order-1', 10))[0]?.body).toContain('1Z999');
  });

  it('keeps business errors typed across send, so the caller can compensate', async () => {
    const { runtime } = await start();
    const step = { sagaId: 'saga-2', orderId: 'order-2' };
    await expect(
      runtime.send(ValidateUser, { ...step, userId: 'ghost' }, new AgentId('users', 'ghost')),
    ).rejects.toMatchObject({
      name: 'UserInvalidError',
      code: 'USER_INVALID',
    });
    await expect(
      runtime.send(
        ReserveInventory,
        { ...step, items: [{ sku: 'NONE', quantity: 1 }] },
        new AgentId('inventory', 'order-2'),
      ),
    ).rejects.toMatchObject({ name: 'InsufficientStockError' });
    expect(await runtime.send(ReleaseInventory, step, new AgentId('inventory', 'order-2'))).toEqual({
      released: false,
      items: [],
    });
  });

  it('catches the read model up when a published user event arrives', async () => {
    const { system, runtime } = await start();
    await system.users.commands.create({ userId: 'u-bob', email: 'bob@example.com', name: 'Bob' });
    await system.users.commands.update({ userId: 'u-bob', name: 'Robert' });
    await runtime.publish(
      UserUpdated,
      { userId: 'u-bob', name: 'Robert' },
      new TopicId(domainTopic(UserUpdated.name), 'user-u-bob'),
    );
    await runtime.waitUntilIdle();
    const { user } = await runtime.send(GetUser, { userId: 'u-bob' }, new AgentId('users', 'u-bob'));
    expect(user).toMatchObject({ name: 'Robert', version: 2 });
  });
});
