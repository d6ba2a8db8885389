import { describe, expect, it } from 'vitest';
import type { MessageOf } from '../../../lambdas/contracts/message-type.js';
import type {
  LifecycleTrigger,
  OrderStateChanged,
} from '../../../lambdas/contracts/order/lifecycle-messages.js';
import { TransientError } from '../../../lambdas/contracts/transient-error.js';
import type { LocalOrderSystem } from '../../../local/order-system/local-order-system.js';
import type { TaskFaultInjector } from '../../../local/order-system/runtime-lambda-invoker.js';
import { advance, createdOrders, transitions, triggerData } from './lifecycle-fixture.js';
import { entered, eventsOfType, openCharges } from './order-system-fixture.js';

type StateChange = MessageOf<typeof OrderStateChanged>;

const createdOrder = createdOrders();

/**
 * StartInventoryProcessing (sent while AwaitProcessing's task enters paid, before it parks) fails transiently
 * twice: the task is retried, and the paid wait is parked late.
 */
const slowProcessingStart = (): TaskFaultInjector => {
  let failures = 0;
  return (task) => {
    if (task.messageType !== 'StartInventoryProcessing' || failures >= 2) return undefined;
    failures += 1;
    return new TransientError(new Error('inventory briefly unavailable'));
  };
};

/**
 * A subscriber that reacts to OrderStateChanged → paid by sending `trigger` at once, as a warehouse would: the
 * lifecycle has only published the change, it has not parked the paid wait yet. Resolves with the states the
 * lifecycle had entered at that moment and the waits it had parked, once the trigger has been handled.
 */
function sendOnPaid(system: LocalOrderSystem, orderId: string, trigger: LifecycleTrigger) {
  return new Promise<{ entered: string[]; parked: string[] }>((resolve, reject) => {
    const stop = system.onEvent((event) => {
      const change = event.data as StateChange;
      if (event.type !== 'OrderStateChanged' || change.orderId !== orderId || change.to !== 'paid') return;
      stop();
      const seen = entered(system.executionsOf(orderId).lifecycleHistory);
      system.stores.tokens
        .read(orderId)
        .then((view) => {
          const parked = view.waits.map((wait) => wait.state);
          return triggerData(system, orderId, trigger)
            .then((data) => system.sendTrigger(trigger, data))
            .then(() => resolve({ entered: seen, parked }));
        })
        .catch(reject);
    });
  });
}

describe('a trigger that arrives between two lifecycle waits', () => {
  it('is recorded, and the next wait takes it as it parks, without any retry', {
    timeout: 60_000,
  }, async () => {
    const system = await createdOrder('o-eager', {
      retryIntervalMs: 5,
      injectFault: slowProcessingStart(),
    });
    const handled = sendOnPaid(system, 'o-eager', 'ProcessingStarted');
    await advance(system, 'o-eager', 'PaymentCompleted');
    const seenWhenSent = await handled;
    const parked = await system.waitForLifecycle('o-eager');

    // AwaitProcessing's task was entering paid: it had not parked the paid wait.
    expect(seenWhenSent.entered.at(-1)).toBe('AwaitProcessing');
    expect(seenWhenSent.parked).not.toContain('paid');
    expect(parked.status).toBe('RUNNING');
    expect(
      entered(system.executionsOf('o-eager').lifecycleHistory).filter((s) => s === 'AwaitProcessing'),
    ).toHaveLength(1);
    expect(transitions(system, 'o-eager')).toEqual([
      { from: 'created', to: 'paid', trigger: 'PaymentCompleted' },
      { from: 'paid', to: 'processing', trigger: 'ProcessingStarted' },
    ]);
    expect(eventsOfType(system, 'o-eager', 'OrderTransitionRejected')).toEqual([]);
    const history = entered(system.executionsOf('o-eager').lifecycleHistory);
    expect(history.filter((state) => state === 'AwaitShipment')).toHaveLength(1);
    expect(history.at(-1)).toBe('AwaitShipment');
    expect((await system.system.orders.get('o-eager'))?.state).toBe('processing');
  });

  it('cancels a just-paid order whose OrderCancelled came before the paid wait was parked', async () => {
    const system = await createdOrder('o-regret', {
      retryIntervalMs: 5,
      injectFault: slowProcessingStart(),
    });
    const handled = sendOnPaid(system, 'o-regret', 'OrderCancelled');
    await advance(system, 'o-regret', 'PaymentCompleted');
    await handled;
    const done = await system.sfn.waitForExecution(system.lifecycleExecutionArn('o-regret'));

    expect(JSON.parse(done.output ?? 'null')).toEqual({ orderId: 'o-regret', state: 'cancelled' });
    expect(transitions(system, 'o-regret')).toEqual([
      { from: 'created', to: 'paid', trigger: 'PaymentCompleted' },
      { from: 'paid', to: 'cancelled', trigger: 'OrderCancelled' },
    ]);
    expect(eventsOfType(system, 'o-regret', 'OrderTransitionRejected')).toEqual([]);
    expect(openCharges(system)).toEqual([]);
  });

  it('still rejects a trigger the order has passed, once the transition is recorded', async () => {
    const system = await createdOrder('o-late-dup', {
      retryIntervalMs: 5,
      injectFault: slowProcessingStart(),
    });
    const handled = sendOnPaid(system, 'o-late-dup', 'PaymentCompleted');
    await advance(system, 'o-late-dup', 'PaymentCompleted');
    await handled;

    expect(transitions(system, 'o-late-dup')).toEqual([
      { from: 'created', to: 'paid', trigger: 'PaymentCompleted' },
    ]);
    expect(eventsOfType(system, 'o-late-dup', 'OrderTransitionRejected')).toEqual([
      expect.objectContaining({ trigger: 'PaymentCompleted', state: 'paid' }),
    ]);
    expect(
      entered(system.executionsOf('o-late-dup').lifecycleHistory).filter((s) => s === 'AwaitProcessing'),
    ).toHaveLength(1);
  });
});
