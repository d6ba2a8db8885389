import { describe, expect, it } from 'vitest';
import {
  isTransitionRejectedError,
  isTriggerNotYetAwaitedError,
} from '../../../../lambdas/agents/lifecycle/lifecycle-error.js';
import { lifecycleTasks, type TriggerEvent } from '../../../../lambdas/agents/lifecycle/lifecycle-tasks.js';
import type { OrderStateReader } from '../../../../lambdas/agents/lifecycle/order-state-reader.js';
import { TaskTokenClosedError } from '../../../../lambdas/agents/lifecycle/task-callback-error.js';
import type { TaskCallbackPort } from '../../../../lambdas/agents/lifecycle/task-callback-port.js';
import type { LifecycleTrigger, OrderState } from '../../../../lambdas/contracts/order/lifecycle-messages.js';
import { LIFECYCLE_WAITS } from '../../../../lambdas/contracts/order/lifecycle-waits.js';
import { isTransientTaskError } from '../../../../lambdas/contracts/transient-error.js';
import { InMemoryTaskTokenStore } from '../../../../lambdas/stores/task-tokens/in-memory/in-memory-task-token-store.js';

/** Step Functions as the agent sees it: tokens of finished tasks are closed, live ones resume once. */
class FakeCallbacks implements TaskCallbackPort {
  readonly resumed: { token: string; output: unknown }[] = [];
  readonly closed = new Set<string>();

  async succeed(taskToken: string, output: unknown): Promise<void> {
    if (this.closed.has(taskToken)) throw new TaskTokenClosedError('TaskTimedOut');
    this.closed.add(taskToken);
    this.resumed.push({ token: taskToken, output });
  }

  async fail(taskToken: string): Promise<void> {
    this.closed.add(taskToken);
  }

  async heartbeat(): Promise<void> {}
}

const setup = (recorded: Record<string, OrderState> = {}) => {
  const tokens = new InMemoryTaskTokenStore();
  const callbacks = new FakeCallbacks();
  const orders: OrderStateReader = { recordedState: async (orderId) => recorded[orderId] };
  const tasks = lifecycleTasks({ tokens, callbacks, orders });
  const park = (orderId: string, state: keyof typeof LIFECYCLE_WAITS, taskToken: string) =>
    tasks.awaitTrigger({
      orderId,
      state,
      awaiting: [...LIFECYCLE_WAITS[state].awaiting],
      taskToken,
      ttlSeconds: 3_600,
    });
  return { tokens, callbacks, tasks, park, recorded };
};

const trigger = (orderId: string, name: LifecycleTrigger, eventId = `evt-${name}`): TriggerEvent => ({
  trigger: name,
  orderId,
  eventId,
  data: { orderId },
});

const failureOf = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => expect.unreachable('the trigger was expected to fail'),
    (error: unknown) => error,
  );

describe('lifecycleTasks.applyTrigger between two waits', () => {
  it('throws a trigger of the coming wait back as transient, then resumes that wait once it is parked', async () => {
    const { tasks, park, callbacks } = setup({ 'o-1': 'paid' });
    const early = await failureOf(tasks.applyTrigger(trigger('o-1', 'ProcessingStarted')));

    expect(isTransientTaskError(early)).toBe(true);
    const cause = (early as Error).cause;
    expect(isTriggerNotYetAwaitedError(cause)).toBe(true);
    expect(cause).toMatchObject({ orderId: 'o-1', trigger: 'ProcessingStarted', state: 'paid' });

    await park('o-1', 'paid', 'token-paid');
    await expect(tasks.applyTrigger(trigger('o-1', 'ProcessingStarted'))).resolves.toEqual({
      orderId: 'o-1',
      trigger: 'ProcessingStarted',
      to: 'processing',
    });
    expect(callbacks.resumed.map(({ token }) => token)).toEqual(['token-paid']);
  });

  it('retries OrderCancelled that met the closed token of the resumed created wait', async () => {
    const { tasks, park, callbacks, tokens, recorded } = setup({ 'o-2': 'created' });
    await park('o-2', 'created', 'token-created');
    await tasks.applyTrigger(trigger('o-2', 'PaymentCompleted'));
    recorded['o-2'] = 'paid';
    // The created wait's OrderCancelled item is left with the now closed token until AwaitProcessing parks.
    expect((await tokens.peek('o-2')).map((entry) => entry.trigger)).toEqual(['OrderCancelled']);

    const early = await failureOf(tasks.applyTrigger(trigger('o-2', 'OrderCancelled')));
    expect(isTransientTaskError(early)).toBe(true);
    expect((early as Error).message).toContain('is over (TaskTimedOut)');

    await park('o-2', 'paid', 'token-paid');
    await expect(tasks.applyTrigger(trigger('o-2', 'OrderCancelled'))).resolves.toMatchObject({
      to: 'cancelled',
    });
    expect(callbacks.resumed.map(({ token }) => token)).toEqual(['token-created', 'token-paid']);
  });

  it('resumes once on a duplicate: transient while its transition is recorded, rejected after', async () => {
    const { tasks, park, callbacks, recorded } = setup({ 'o-3': 'created' });
    await park('o-3', 'created', 'token-created');
    await tasks.applyTrigger(trigger('o-3', 'PaymentCompleted', 'evt-1'));

    const whileRecording = await failureOf(tasks.applyTrigger(trigger('o-3', 'PaymentCompleted', 'evt-1')));
    expect(isTransientTaskError(whileRecording)).toBe(true);

    recorded['o-3'] = 'paid';
    await park('o-3', 'paid', 'token-paid');
    const afterwards = await failureOf(tasks.applyTrigger(trigger('o-3', 'PaymentCompleted', 'evt-1')));
    expect(isTransitionRejectedError(afterwards)).toBe(true);
    expect(afterwards).toMatchObject({
      state: 'paid',
      awaitedTriggers: ['OrderCancelled', 'ProcessingStarted'],
    });
    expect(callbacks.resumed).toHaveLength(1);
  });
});

describe('lifecycleTasks.applyTrigger rejecting for good', () => {
  it('rejects a trigger for an order that was never created, in state unknown', async () => {
    const { tasks } = setup();
    const error = await failureOf(tasks.applyTrigger(trigger('o-ghost', 'PaymentCompleted')));
    expect(isTransitionRejectedError(error)).toBe(true);
    expect(error).toMatchObject({ state: 'unknown', trigger: 'PaymentCompleted', awaitedTriggers: [] });
  });

  it('rejects a trigger of a finished order', async () => {
    const { tasks } = setup({ 'o-4': 'cancelled' });
    const error = await failureOf(tasks.applyTrigger(trigger('o-4', 'ProcessingStarted')));
    expect(error).toMatchObject({ code: 'TRANSITION_REJECTED', state: 'cancelled' });
  });

  it('rejects a trigger the armed wait of the recorded state does not await', async () => {
    const { tasks, park, tokens } = setup({ 'o-5': 'created' });
    await park('o-5', 'created', 'token-created');
    const error = await failureOf(tasks.applyTrigger(trigger('o-5', 'ProcessingStarted')));
    expect(error).toMatchObject({ code: 'TRANSITION_REJECTED', state: 'created' });
    expect((await tokens.peek('o-5')).map((entry) => entry.trigger)).toEqual([
      'OrderCancelled',
      'PaymentCompleted',
    ]);
  });
});

describe('lifecycleTasks.applyTrigger when the order cannot be read', () => {
  it('throws transient so the event is redelivered, not rejected', async () => {
    const tasks = lifecycleTasks({
      tokens: new InMemoryTaskTokenStore(),
      callbacks: new FakeCallbacks(),
      orders: {
        recordedState: async () => {
          throw new Error('ProvisionedThroughputExceededException');
        },
      },
    });
    const error = await failureOf(tasks.applyTrigger(trigger('o-6', 'PaymentCompleted')));
    expect(isTransientTaskError(error)).toBe(true);
    expect(error).toMatchObject({ errorType: 'Error' });
  });
});
