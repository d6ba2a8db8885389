import { describe, expect, it } from 'vitest';
import type { TaskFaultInjector } from '../../../local/order-system/runtime-lambda-invoker.js';
import { advance, createdOrders, transitions } from './lifecycle-fixture.js';
import { entered, openCharges, STOCK, stockLevel } from './order-system-fixture.js';

const createdOrder = createdOrders();

/** A task that fails for good (not transient: no retry helps) whenever `matches` says so. */
const failing =
  (matches: (messageType: string, data: Record<string, unknown>) => boolean): TaskFaultInjector =>
  (task) => {
    if (!matches(task.messageType, task.data as Record<string, unknown>)) return undefined;
    const error = new Error(`${task.messageType} is broken`);
    error.name = 'OrdersUnavailable';
    return error;
  };

describe('order lifecycle failures after the charge', () => {
  it('undoes a paid order whose transition cannot be recorded: refund, release, OrderStateChanged cancelled', async () => {
    const system = await createdOrder('o-broken', {
      retryIntervalMs: 1,
      injectFault: failing((type, data) => type === 'RecordOrderTransition' && data.to === 'paid'),
    });
    await advance(system, 'o-broken', 'PaymentCompleted');
    const done = await system.sfn.waitForExecution(system.lifecycleExecutionArn('o-broken'));

    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? 'null')).toEqual({ orderId: 'o-broken', state: 'cancelled' });
    expect(entered(system.executionsOf('o-broken').lifecycleHistory)).toEqual(
      expect.arrayContaining(['FailWhilePaid', 'RefundOrder', 'ReleaseOrderStock', 'RecordEnding']),
    );
    expect(transitions(system, 'o-broken')).toEqual([
      { from: 'paid', to: 'cancelled', trigger: 'LifecycleFailed' },
    ]);
    expect(openCharges(system)).toEqual([]);
    expect(await stockLevel(system)).toEqual({ available: STOCK, reserved: 0 });
    expect((await system.system.orders.get('o-broken'))?.state).toBe('cancelled');
  });

  it('parks an order whose refund fails: the execution fails (alarmed) instead of ending quietly', async () => {
    const system = await createdOrder('o-stuck-refund', {
      retryIntervalMs: 1,
      injectFault: failing((type) => type === 'RefundPayment'),
    });
    await advance(system, 'o-stuck-refund', 'OrderCancelled');
    const done = await system.sfn.waitForExecution(system.lifecycleExecutionArn('o-stuck-refund'));

    expect(done.status).toBe('FAILED');
    expect(done.error).toBe('OrderCompensationParked');
    expect(openCharges(system)).toHaveLength(1);
  });
});
