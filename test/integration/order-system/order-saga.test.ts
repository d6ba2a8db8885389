import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { InsufficientStockError } from '../../../lambdas/agents/inventory/inventory-error.js';
import type { MessageOf } from '../../../lambdas/contracts/message-type.js';
import type { OrderFailed, SagaStep } from '../../../lambdas/contracts/order/order-messages.js';
import { TransientError } from '../../../lambdas/contracts/transient-error.js';
import type { LocalOrderSystem } from '../../../local/order-system/local-order-system.js';
import type { TaskInvocation } from '../../../local/order-system/runtime-lambda-invoker.js';
import {
  entered,
  eventsOfType,
  openCharges,
  order,
  SKU,
  STOCK,
  seededOrderSystem,
  stockLevel,
} from './order-system-fixture.js';

type Failure = MessageOf<typeof OrderFailed>;
type Compensation = Failure['compensations'][number];

const saga = JSON.parse(
  readFileSync(new URL('../../../statemachines/order-saga.asl.json', import.meta.url), 'utf8'),
) as { States: Record<string, { Retry?: { ErrorEquals: string[]; MaxAttempts: number }[] }> };
/** Attempts a step gets for a transient error: the first, plus its Retry's MaxAttempts. */
const attemptsOf = (step: string): number => 1 + (saga.States[step]?.Retry?.[0]?.MaxAttempts ?? 0);

let local: LocalOrderSystem | undefined;
afterEach(async () => {
  await local?.close();
  local = undefined;
});

/** Counts every task per message type, and fails the ones `fail` picks (by attempt number, from 1). */
function faults(fail: (task: TaskInvocation, attempt: number) => Error | undefined) {
  const attempts = new Map<string, number>();
  const injectFault = (task: TaskInvocation): Error | undefined => {
    const attempt = (attempts.get(task.messageType) ?? 0) + 1;
    attempts.set(task.messageType, attempt);
    return fail(task, attempt);
  };
  return { attempts, injectFault };
}

const transient = () => new TransientError(new Error('throttled by the store'));

describe('order saga, offline with the real agents', () => {
  it('places an order: every step once, stock reserved, card charged, order created, OrderCompleted', async () => {
    const { attempts, injectFault } = faults(() => undefined);
    local = await seededOrderSystem({ injectFault });
    await local.placeOrder(order('o-happy'));
    const done = await local.waitForSaga('o-happy');

    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? 'null')).toMatchObject({
      success: true,
      outcome: 'completed',
      amount: 1_000,
    });
    expect(entered(local.executionsOf('o-happy').sagaHistory)).toEqual([
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
    expect(eventsOfType(local, 'o-happy', 'OrderCompleted')).toEqual([
      expect.objectContaining({ orderId: 'o-happy', amount: 1_000, sagaId: done.executionArn }),
    ]);
    expect(eventsOfType(local, 'o-happy', 'OrderFailed')).toEqual([]);
    expect(local.executionsOf('o-happy').lifecycle?.status).toBe('RUNNING');
  });

  it('names the execution after the order: a second OrderRequested starts nothing new', async () => {
    local = await seededOrderSystem();
    const first = await local.placeOrder(order('o-twice'));
    await local.waitForSaga('o-twice');
    const second = await local.placeOrder(order('o-twice'));
    await local.placeOrder({ ...order('o-twice'), items: [{ sku: SKU, quantity: 1, unitPrice: 1 }] });

    expect(second.executionArn).toBe(first.executionArn);
    expect(first.executionArn.endsWith(':execution:order-saga:o-twice')).toBe(true);
    expect(local.sfn.listExecutions({ stateMachineArn: local.stateMachineArns.orderSaga })).toHaveLength(1);
    expect(openCharges(local)).toHaveLength(1);
    expect(await stockLevel(local)).toEqual({ available: STOCK - 2, reserved: 2 });
  });

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
  ])('a failure at $step', ({ step, business, compensations }) => {
    const expectNothingHeld = async (l: LocalOrderSystem) => {
      expect(await stockLevel(l)).toEqual({ available: STOCK, reserved: 0 });
      expect(openCharges(l).filter((charge) => charge.sagaId !== 'another-saga')).toEqual([]);
    };

    it(`business error (${business.cause}): compensates ${JSON.stringify(compensations.business)}, OrderFailed, saga SUCCEEDED as outcome failed`, async () => {
      const { attempts, injectFault } = faults((task) => business.fault?.(task));
      local = await seededOrderSystem({ injectFault });
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
      local = await seededOrderSystem({ injectFault });
      await local.placeOrder(order('o-blip'));
      const done = await local.waitForSaga('o-blip');

      expect(done.status).toBe('SUCCEEDED');
      expect(JSON.parse(done.output ?? 'null')).toMatchObject({ outcome: 'completed' });
      expect(attempts.get(step)).toBe(3);
      const history = local.executionsOf('o-blip').sagaHistory;
      expect(
        history.filter((event) => event.type === 'StateRetried' && event.stateName === step),
      ).toHaveLength(2);
      expect(openCharges(local)).toHaveLength(1);
    });

    it(`transient error that persists: ${attemptsOf(step)} attempts, compensates ${JSON.stringify(compensations.transient)}, OrderFailed, saga FAILED`, async () => {
      const { attempts, injectFault } = faults((task) =>
        task.messageType === step ? transient() : undefined,
      );
      local = await seededOrderSystem({ injectFault });
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

  it('retries a Lambda service error (throttled invoke) like a transient one', async () => {
    const { attempts, injectFault } = faults((task, attempt) => {
      if (task.messageType !== 'ChargePayment' || attempt > 1) return undefined;
      const throttled = new Error('Rate exceeded');
      throttled.name = 'Lambda.TooManyRequestsException';
      return throttled;
    });
    local = await seededOrderSystem({ injectFault });
    await local.placeOrder(order('o-throttled'));

    expect((await local.waitForSaga('o-throttled')).status).toBe('SUCCEEDED');
    expect(attempts.get('ChargePayment')).toBe(2);
  });

  it('never retries an error that is neither transient nor a Lambda service error: it compensates at once', async () => {
    const { attempts, injectFault } = faults((task) =>
      task.messageType === 'ChargePayment' ? new Error('a bug') : undefined,
    );
    local = await seededOrderSystem({ injectFault });
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
