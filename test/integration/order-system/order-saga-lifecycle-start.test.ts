import { describe, expect, it } from 'vitest';
import { redriveParkedSagas } from '../../../lambdas/agents/saga-starter/redrive-parked-sagas.js';
import type { MessageOf } from '../../../lambdas/contracts/message-type.js';
import type { OrderFailed } from '../../../lambdas/contracts/order/order-messages.js';
import { ORDER_SAGA_FAILURES } from '../../../lambdas/contracts/order/order-saga-io.js';
import { LocalExecutionStarter } from '../../../local/order-system/local-execution-starter.js';
import {
  entered,
  eventsOfType,
  openCharges,
  order,
  orderSystems,
  STOCK,
  stockLevel,
} from './order-system-fixture.js';
import { attemptsOf } from './saga-fixture.js';

type Failure = MessageOf<typeof OrderFailed>;

const systems = orderSystems();

describe('order saga: a StartLifecycle that times out is resolved by looking the lifecycle up', () => {
  it('keeps the order (no refund, no release) when every start timed out after the lifecycle had started', async () => {
    let starts = 0;
    const local = await systems.seeded({
      nestedStartTimeout: () => {
        starts += 1;
        return 'after-start';
      },
    });
    await local.placeOrder(order('o-lost-reply'));
    const done = await local.waitForSaga('o-lost-reply');

    expect(done.status).toBe('SUCCEEDED');
    expect(starts).toBe(attemptsOf('StartLifecycle'));
    const { sagaHistory, lifecycle } = local.executionsOf('o-lost-reply');
    expect(entered(sagaHistory).slice(-4)).toEqual([
      'FailedAtStartLifecycle',
      'ConfirmLifecycle',
      'PublishOrderCompleted',
      'OrderPlaced',
    ]);
    expect(lifecycle?.status).toBe('RUNNING');
    expect(eventsOfType(local, 'o-lost-reply', 'OrderCompleted')).toHaveLength(1);
    expect(eventsOfType(local, 'o-lost-reply', 'OrderFailed')).toEqual([]);
    expect(openCharges(local).map((charge) => charge.orderId)).toEqual(['o-lost-reply']);
    expect(await stockLevel(local)).toEqual({ available: STOCK - 2, reserved: 2 });
  });

  it('refunds and releases when no start reached the service and no lifecycle exists', async () => {
    const local = await systems.seeded({ nestedStartTimeout: () => 'before-start' });
    await local.placeOrder(order('o-no-start'));
    const done = await local.waitForSaga('o-no-start');

    expect(done).toMatchObject({ status: 'FAILED', error: ORDER_SAGA_FAILURES.aborted });
    const { sagaHistory, lifecycle } = local.executionsOf('o-no-start');
    expect(entered(sagaHistory)).toContain('ConfirmLifecycle');
    expect(lifecycle).toBeUndefined();
    expect(eventsOfType<Failure>(local, 'o-no-start', 'OrderFailed')).toEqual([
      expect.objectContaining({
        failedStep: 'StartLifecycle',
        error: 'States.Timeout',
        compensations: ['RefundPayment', 'ReleaseInventory'],
      }),
    ]);
    expect(eventsOfType(local, 'o-no-start', 'OrderCompleted')).toEqual([]);
    expect(openCharges(local)).toEqual([]);
    expect(await stockLevel(local)).toEqual({ available: STOCK, reserved: 0 });
  });

  it('retries a start whose reply was lost once: the retry answers the running lifecycle and nothing is looked up', async () => {
    let starts = 0;
    const local = await systems.seeded({
      nestedStartTimeout: () => {
        starts += 1;
        return starts === 1 ? 'after-start' : undefined;
      },
    });
    await local.placeOrder(order('o-retried'));
    const done = await local.waitForSaga('o-retried');

    expect(done.status).toBe('SUCCEEDED');
    const { sagaHistory, lifecycle } = local.executionsOf('o-retried');
    expect(entered(sagaHistory)).not.toContain('ConfirmLifecycle');
    expect(
      sagaHistory.filter((e) => e.type === 'StateRetried' && e.stateName === 'StartLifecycle'),
    ).toHaveLength(1);
    expect(lifecycle?.status).toBe('RUNNING');
    expect(local.sfn.listExecutions({ stateMachineArn: local.stateMachineArns.orderLifecycle })).toHaveLength(
      1,
    );
    expect(eventsOfType(local, 'o-retried', 'OrderCompleted')).toHaveLength(1);
  });

  it('parks at ConfirmLifecycle while the lookup keeps failing (no refund, no OrderCompleted); a redrive asks again and keeps the order', async () => {
    let lookupsFail = true;
    const local = await systems.seeded({
      nestedStartTimeout: () => 'after-start',
      nestedDescribeFails: () => lookupsFail,
    });
    await local.placeOrder(order('o-unknown'));
    const parked = await local.waitForSaga('o-unknown');

    expect(parked).toMatchObject({ status: 'FAILED', error: ORDER_SAGA_FAILURES.parked });
    expect(local.parkedSagas.bodies().map((body) => JSON.parse(body))).toEqual([
      expect.objectContaining({ orderId: 'o-unknown', resumeAt: 'ConfirmLifecycle', payment: {} }),
    ]);
    expect(eventsOfType(local, 'o-unknown', 'OrderCompleted')).toEqual([]);
    expect(eventsOfType(local, 'o-unknown', 'OrderFailed')).toEqual([]);
    expect(openCharges(local).map((charge) => charge.orderId)).toEqual(['o-unknown']);

    lookupsFail = false;
    await redriveParkedSagas({
      queue: local.parkedSagas,
      starter: new LocalExecutionStarter(local.sfn, local.stateMachineArns.orderSaga),
    });
    const done = await local.waitForSaga('o-unknown');

    expect(done.status).toBe('SUCCEEDED');
    expect(entered(local.executionsOf('o-unknown').sagaHistory)).toEqual([
      'Resume',
      'ConfirmLifecycle',
      'PublishOrderCompleted',
      'OrderPlaced',
    ]);
    expect(eventsOfType(local, 'o-unknown', 'OrderCompleted')).toHaveLength(1);
    expect(openCharges(local).map((charge) => charge.orderId)).toEqual(['o-unknown']);
    expect(local.parkedSagas.bodies()).toEqual([]);
  });
});
