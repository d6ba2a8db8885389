import { describe, expect, it } from 'vitest';
import type { MessageOf } from '../../../lambdas/contracts/message-type.js';
import type { OrderFailed } from '../../../lambdas/contracts/order/order-messages.js';
import {
  entered,
  eventsOfType,
  openCharges,
  order,
  orderSystems,
  SKU,
  STOCK,
  stockLevel,
} from './order-system-fixture.js';
import { faults } from './saga-fixture.js';

type Failure = MessageOf<typeof OrderFailed>;

const systems = orderSystems();

describe('order saga, offline with the real agents', () => {
  it('places an order: every step once, stock reserved, card charged, order created, OrderCompleted', async () => {
    const { attempts, injectFault } = faults(() => undefined);
    const local = await systems.seeded({ injectFault });
    await local.placeOrder(order('o-happy'));
    const done = await local.waitForSaga('o-happy');

    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? 'null')).toMatchObject({
      success: true,
      outcome: 'completed',
      amount: 1_000,
    });
    expect(entered(local.executionsOf('o-happy').sagaHistory)).toEqual([
      'Resume',
      'ValidateUser',
      'CheckInventory',
      'ReserveInventory',
      'ChargePayment',
      'CreateOrder',
      'StartLifecycle',
      'PublishOrderCompleted',
      'OrderPlaced',
    ]);
    expect([...attempts.values()].every((count) => count === 1)).toBe(true);
    expect(await stockLevel(local)).toEqual({ available: STOCK - 2, reserved: 2 });
    expect(openCharges(local)).toEqual([expect.objectContaining({ orderId: 'o-happy', amount: 1_000 })]);
    expect((await local.system.orders.get('o-happy'))?.state).toBe('created');
    const { sagaId } = JSON.parse(done.input) as { sagaId: string };
    expect(sagaId).toMatch(/^[0-9a-f-]{36}$/);
    expect(eventsOfType(local, 'o-happy', 'OrderCompleted')).toEqual([
      expect.objectContaining({ orderId: 'o-happy', amount: 1_000, sagaId }),
    ]);
    expect(eventsOfType(local, 'o-happy', 'OrderFailed')).toEqual([]);
    expect(local.executionsOf('o-happy').lifecycle?.status).toBe('RUNNING');
  });

  it('declines a payment in one execution of 15 states: release, OrderFailed, outcome failed', async () => {
    const local = await systems.seeded();
    await local.placeOrder(order('o-declined', { cardToken: 'tok_decline' }));
    const done = await local.waitForSaga('o-declined');

    expect(done.status).toBe('SUCCEEDED');
    expect(entered(local.executionsOf('o-declined').sagaHistory)).toEqual([
      'Resume',
      'ValidateUser',
      'CheckInventory',
      'ReserveInventory',
      'ChargePayment',
      'FailedAtChargePayment',
      'ChargeFailure',
      'CompensateReservation',
      'ReleaseInventory',
      'DescribeFailure',
      'ParseFunctionError',
      'FailureFromFunction',
      'PublishOrderFailed',
      'IsBusinessFailure',
      'OrderRejected',
    ]);
    expect(await stockLevel(local)).toEqual({ available: STOCK, reserved: 0 });
  });

  it('runs one saga per order on the Express machine: a second OrderRequested starts nothing new', async () => {
    const local = await systems.seeded();
    const first = await local.placeOrder(order('o-twice'));
    await local.waitForSaga('o-twice');
    const second = await local.placeOrder(order('o-twice'));
    await local.placeOrder({ ...order('o-twice'), items: [{ sku: SKU, quantity: 1, unitPrice: 1 }] });

    expect(second.executionArn).toBe(first.executionArn);
    expect(first.executionArn).toMatch(/:express:order-saga:o-twice:[0-9a-f-]{36}$/);
    expect(local.sfn.listExecutions({ stateMachineArn: local.stateMachineArns.orderSaga })).toHaveLength(1);
    expect(openCharges(local)).toHaveLength(1);
    expect(await stockLevel(local)).toEqual({ available: STOCK - 2, reserved: 2 });
  });

  it('retries a Lambda service error (throttled invoke) like a transient one', async () => {
    const { attempts, injectFault } = faults((task, attempt) => {
      if (task.messageType !== 'ChargePayment' || attempt > 1) return undefined;
      const throttled = new Error('Rate exceeded');
      throttled.name = 'Lambda.TooManyRequestsException';
      return throttled;
    });
    const local = await systems.seeded({ injectFault });
    await local.placeOrder(order('o-throttled'));

    expect((await local.waitForSaga('o-throttled')).status).toBe('SUCCEEDED');
    expect(attempts.get('ChargePayment')).toBe(2);
  });

  it('never retries an error that is neither transient nor a Lambda service error: it compensates at once', async () => {
    const { attempts, injectFault } = faults((task) =>
      task.messageType === 'ChargePayment' ? new Error('a bug') : undefined,
    );
    const local = await systems.seeded({ injectFault });
    await local.placeOrder(order('o-bug'));
    const done = await local.waitForSaga('o-bug');

    expect(done).toMatchObject({ status: 'FAILED', error: 'OrderSagaAborted' });
    expect(attempts.get('ChargePayment')).toBe(1);
    expect(eventsOfType<Failure>(local, 'o-bug', 'OrderFailed')).toEqual([
      expect.objectContaining({ failedStep: 'ChargePayment', error: 'Error', reason: 'a bug' }),
    ]);
    expect(await stockLevel(local)).toEqual({ available: STOCK, reserved: 0 });
    expect(openCharges(local)).toEqual([]);
  });
});
