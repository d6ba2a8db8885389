import { describe, expect, it } from 'vitest';
import { redriveParkedSagas } from '../../../lambdas/agents/saga-starter/redrive-parked-sagas.js';
import type { MessageOf } from '../../../lambdas/contracts/message-type.js';
import type { OrderFailed } from '../../../lambdas/contracts/order/order-messages.js';
import { ORDER_SAGA_FAILURES } from '../../../lambdas/contracts/order/order-saga-io.js';
import { LocalExecutionStarter } from '../../../local/order-system/local-execution-starter.js';
import type { LocalOrderSystem } from '../../../local/order-system/local-order-system.js';
import {
  entered,
  eventsOfType,
  openCharges,
  order,
  orderSystems,
  STOCK,
  stockLevel,
} from './order-system-fixture.js';
import { attemptsOf, faults, transient } from './saga-fixture.js';

type Failure = MessageOf<typeof OrderFailed>;

const systems = orderSystems();

const redrive = (local: LocalOrderSystem) =>
  redriveParkedSagas({
    queue: local.parkedSagas,
    starter: new LocalExecutionStarter(local.sfn, local.stateMachineArns.orderSaga),
  });

describe('order saga: no failure after the charge keeps money or stock', () => {
  it('refunds and releases when StartLifecycle hits the open-executions quota, and publishes OrderFailed', async () => {
    // One open lifecycle fills the quota: the second order's lifecycle cannot start.
    const local = await systems.seeded({ openExecutionLimit: 1 });
    await local.placeOrder(order('o-first'));
    expect((await local.waitForSaga('o-first')).status).toBe('SUCCEEDED');
    await local.placeOrder(order('o-quota'));
    const done = await local.waitForSaga('o-quota');

    expect(done).toMatchObject({ status: 'FAILED', error: ORDER_SAGA_FAILURES.aborted });
    const history = local.executionsOf('o-quota').sagaHistory;
    expect(history.filter((e) => e.type === 'StateRetried' && e.stateName === 'StartLifecycle')).toHaveLength(
      attemptsOf('StartLifecycle') - 1,
    );
    expect(eventsOfType<Failure>(local, 'o-quota', 'OrderFailed')).toEqual([
      expect.objectContaining({
        failedStep: 'StartLifecycle',
        error: 'StepFunctions.ExecutionLimitExceeded',
        compensations: ['RefundPayment', 'ReleaseInventory'],
      }),
    ]);
    expect(eventsOfType(local, 'o-quota', 'OrderCompleted')).toEqual([]);
    expect(openCharges(local).map((charge) => charge.orderId)).toEqual(['o-first']);
    expect(await stockLevel(local)).toEqual({ available: STOCK - 2, reserved: 2 });
    expect(local.parkedSagas.bodies()).toEqual([]);
  });

  it('parks a saga whose refund keeps failing (alarmed queue, no card token); a redrive re-parks it while the refund fails, then completes the compensation', async () => {
    let refundsFail = true;
    const { attempts, injectFault } = faults((task) => {
      if (task.messageType === 'CreateOrder') return new Error('a bug');
      return refundsFail && task.messageType === 'RefundPayment' ? transient() : undefined;
    });
    const local = await systems.seeded({ injectFault });
    await local.placeOrder(order('o-stuck'));
    const parked = await local.waitForSaga('o-stuck');

    expect(parked).toMatchObject({ status: 'FAILED', error: ORDER_SAGA_FAILURES.parked });
    expect(attempts.get('RefundPayment')).toBe(attemptsOf('RefundPayment'));
    expect(openCharges(local)).toHaveLength(1);
    const [body, ...more] = local.parkedSagas.bodies();
    expect(more).toEqual([]);
    expect(body).not.toContain('tok_visa');
    expect(JSON.parse(body ?? '{}')).toMatchObject({
      orderId: 'o-stuck',
      sagaId: JSON.parse(parked.input).sagaId,
      resumeAt: 'RefundPayment',
      compensations: ['RefundPayment', 'ReleaseInventory'],
      error: { Error: 'TransientError' },
    });
    expect(eventsOfType(local, 'o-stuck', 'OrderFailed')).toEqual([]);

    const stillFailing = await redrive(local);
    expect(stillFailing.redriven).toEqual([
      expect.objectContaining({ orderId: 'o-stuck', resumeAt: 'RefundPayment' }),
    ]);
    expect(await local.waitForSaga('o-stuck')).toMatchObject({ error: ORDER_SAGA_FAILURES.parked });
    expect(local.parkedSagas.bodies()).toHaveLength(1);

    refundsFail = false;
    const report = await redrive(local);
    const done = await local.waitForSaga('o-stuck');

    expect(report).toMatchObject({ unreadable: [], notStarted: [] });
    expect(done).toMatchObject({ status: 'FAILED', error: ORDER_SAGA_FAILURES.aborted });
    expect(entered(local.executionsOf('o-stuck').sagaHistory).slice(0, 3)).toEqual([
      'Resume',
      'RefundPayment',
      'ReleaseInventory',
    ]);
    expect(local.sagaExecutions('o-stuck')).toHaveLength(3);
    expect(local.parkedSagas.bodies()).toEqual([]);
    expect(openCharges(local)).toEqual([]);
    expect(await stockLevel(local)).toEqual({ available: STOCK, reserved: 0 });
    expect(eventsOfType<Failure>(local, 'o-stuck', 'OrderFailed')).toEqual([
      expect.objectContaining({
        failedStep: 'CreateOrder',
        error: 'Error',
        reason: 'a bug',
        compensations: ['RefundPayment', 'ReleaseInventory'],
      }),
    ]);
  });

  it('parks a saga whose OrderCompleted cannot be published; a redrive publishes it once and keeps the order', async () => {
    let busDown = true;
    const local = await systems.seeded({
      injectPublishFault: (detailType) =>
        busDown && detailType === 'OrderCompleted' ? new Error('bus unavailable') : undefined,
    });
    await local.placeOrder(order('o-quiet'));
    const parked = await local.waitForSaga('o-quiet');

    expect(parked).toMatchObject({ status: 'FAILED', error: ORDER_SAGA_FAILURES.parked });
    expect(local.parkedSagas.bodies().map((body) => JSON.parse(body))).toEqual([
      expect.objectContaining({ orderId: 'o-quiet', resumeAt: 'PublishOrderCompleted' }),
    ]);
    busDown = false;
    await redrive(local);
    const done = await local.waitForSaga('o-quiet');

    expect(done.status).toBe('SUCCEEDED');
    expect(entered(local.executionsOf('o-quiet').sagaHistory)).toEqual([
      'Resume',
      'PublishOrderCompleted',
      'OrderPlaced',
    ]);
    expect(eventsOfType(local, 'o-quiet', 'OrderCompleted')).toHaveLength(1);
    expect(openCharges(local).map((charge) => charge.orderId)).toEqual(['o-quiet']);
    expect(local.executionsOf('o-quiet').lifecycle?.status).toBe('RUNNING');
  });

  it('leaves an unreadable message in the queue and says why', async () => {
    const local = await systems.seeded();
    local.parkedSagas.send('{"orderId":"o-x","resumeAt":"ChargePayment"}');
    const report = await redrive(local);

    expect(report.redriven).toEqual([]);
    expect(report.unreadable).toEqual([
      { receiptHandle: expect.any(String), reason: expect.stringMatching(/sagaId|resumeAt/) },
    ]);
    expect(local.parkedSagas.bodies()).toHaveLength(1);
    expect(local.sagaExecutions('o-x')).toEqual([]);
  });
});
