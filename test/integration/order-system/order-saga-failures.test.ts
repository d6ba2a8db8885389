import { describe, expect, it } from 'vitest';
import { InsufficientStockError } from '../../../lambdas/agents/inventory/inventory-error.js';
import type { MessageOf } from '../../../lambdas/contracts/message-type.js';
import type { OrderFailed, SagaStep } from '../../../lambdas/contracts/order/order-messages.js';
import type { LocalOrderSystem } from '../../../local/order-system/local-order-system.js';
import type { TaskInvocation } from '../../../local/order-system/runtime-lambda-invoker.js';
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
import { attemptsOf, faults, transient } from './saga-fixture.js';

type Failure = MessageOf<typeof OrderFailed>;
type Compensation = Failure['compensations'][number];

const systems = orderSystems();

describe.each<{
  step: SagaStep;
  /** How the business failure comes about: a real cause where one is at hand, else an injected error. */
  business: {
    error: string;
    cause: string;
    place: (local: LocalOrderSystem, orderId: string) => Promise<void>;
    fault?: (task: TaskInvocation) => Error | undefined;
  };
  compensations: { business: Compensation[]; transient: Compensation[] };
}>([
  {
    step: 'ValidateUser',
    business: {
      error: 'UserInvalidError',
      cause: 'an unknown user',
      place: async (l, id) => void (await l.placeOrder(order(id, { userId: 'u-nobody' }))),
    },
    compensations: { business: [], transient: [] },
  },
  {
    step: 'CheckInventory',
    business: {
      error: 'InsufficientStockError',
      cause: 'more than is in stock',
      place: async (l, id) => void (await l.placeOrder(order(id, { quantity: STOCK + 1 }))),
    },
    compensations: { business: [], transient: [] },
  },
  {
    step: 'ReserveInventory',
    business: {
      error: 'InsufficientStockError',
      cause: 'stock gone between check and reserve',
      place: async (l, id) => void (await l.placeOrder(order(id))),
      fault: (task) =>
        task.messageType === 'ReserveInventory' ? new InsufficientStockError(SKU, 2, 0) : undefined,
    },
    compensations: { business: [], transient: ['ReleaseInventory'] },
  },
  {
    step: 'ChargePayment',
    business: {
      error: 'PaymentDeclinedError',
      cause: 'a declining card',
      place: async (l, id) => void (await l.placeOrder(order(id, { cardToken: 'tok_decline' }))),
    },
    compensations: { business: ['ReleaseInventory'], transient: ['RefundPayment', 'ReleaseInventory'] },
  },
  {
    step: 'CreateOrder',
    business: {
      error: 'OrderAlreadyExistsError',
      cause: 'the order id taken by another saga',
      place: async (l, id) => {
        await l.system.orders.create({
          sagaId: 'another-saga',
          orderId: id,
          userId: 'u-other',
          items: [{ sku: 'SKU-9', quantity: 1, unitPrice: 1 }],
          amount: 1,
          paymentId: 'pay_other',
        });
        await l.placeOrder(order(id));
      },
    },
    compensations: {
      business: ['RefundPayment', 'ReleaseInventory'],
      transient: ['RefundPayment', 'ReleaseInventory'],
    },
  },
])('order saga: a failure at $step', ({ step, business, compensations }) => {
  const expectNothingHeld = async (l: LocalOrderSystem) => {
    expect(await stockLevel(l)).toEqual({ available: STOCK, reserved: 0 });
    expect(openCharges(l).filter((charge) => charge.sagaId !== 'another-saga')).toEqual([]);
  };

  it(`business error (${business.cause}): compensates ${JSON.stringify(compensations.business)}, OrderFailed, saga SUCCEEDED as outcome failed`, async () => {
    const { attempts, injectFault } = faults((task) => business.fault?.(task));
    const local = await systems.seeded({ injectFault });
    await business.place(local, 'o-biz');
    const done = await local.waitForSaga('o-biz');

    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? 'null')).toMatchObject({
      outcome: 'failed',
      failedStep: step,
      error: business.error,
    });
    const [failed, ...more] = eventsOfType<Failure>(local, 'o-biz', 'OrderFailed');
    expect(more).toEqual([]);
    expect(failed).toMatchObject({
      failedStep: step,
      error: business.error,
      compensations: compensations.business,
    });
    expect(failed?.reason).toMatch(/\w/);
    expect(failed?.reason).not.toContain('errorType');
    const ran = entered(local.executionsOf('o-biz').sagaHistory).filter(
      (s) => s === 'RefundPayment' || s === 'ReleaseInventory',
    );
    expect(ran).toEqual(compensations.business);
    expect(attempts.get(step)).toBe(1);
    expect(eventsOfType(local, 'o-biz', 'OrderCompleted')).toEqual([]);
    await expectNothingHeld(local);
  });

  it('transient error that clears: retried per the ASL, then the order completes', async () => {
    const { attempts, injectFault } = faults((task, attempt) =>
      task.messageType === step && attempt <= 2 ? transient() : undefined,
    );
    const local = await systems.seeded({ injectFault });
    await local.placeOrder(order('o-blip'));
    const done = await local.waitForSaga('o-blip');

    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? 'null')).toMatchObject({ outcome: 'completed' });
    expect(attempts.get(step)).toBe(3);
    const history = local.executionsOf('o-blip').sagaHistory;
    expect(history.filter((event) => event.type === 'StateRetried' && event.stateName === step)).toHaveLength(
      2,
    );
    expect(openCharges(local)).toHaveLength(1);
  });

  it(`transient error that persists: ${attemptsOf(step)} attempts, compensates ${JSON.stringify(compensations.transient)}, OrderFailed, saga FAILED`, async () => {
    const { attempts, injectFault } = faults((task) => (task.messageType === step ? transient() : undefined));
    const local = await systems.seeded({ injectFault });
    await local.placeOrder(order('o-down'));
    const done = await local.waitForSaga('o-down');

    expect(done.status).toBe('FAILED');
    expect(done.error).toBe('OrderSagaAborted');
    expect(attempts.get(step)).toBe(attemptsOf(step));
    expect(eventsOfType<Failure>(local, 'o-down', 'OrderFailed')).toEqual([
      expect.objectContaining({
        failedStep: step,
        error: 'TransientError',
        compensations: compensations.transient,
      }),
    ]);
    const ran = entered(local.executionsOf('o-down').sagaHistory).filter(
      (s) => s === 'RefundPayment' || s === 'ReleaseInventory',
    );
    expect(ran).toEqual(compensations.transient);
    await expectNothingHeld(local);
  });
});
