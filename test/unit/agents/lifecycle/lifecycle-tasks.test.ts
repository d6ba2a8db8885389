import { describe, expect, it } from 'vitest';
import { isTransitionRejectedError } from '../../../../lambdas/agents/lifecycle/lifecycle-error.js';
import { lifecycleTasks } from '../../../../lambdas/agents/lifecycle/lifecycle-tasks.js';
import { isTransientTaskError } from '../../../../lambdas/contracts/transient-error.js';
import { InMemoryTaskTokenStore } from '../../../../lambdas/stores/task-tokens/in-memory/in-memory-task-token-store.js';
import {
  FakeCallbacks,
  failureOf,
  lifecycleHarness,
  trigger,
} from '../../../support/lifecycle/lifecycle-harness.js';

const tokensResumed = (callbacks: FakeCallbacks): string[] => callbacks.resumed.map(({ token }) => token);
const triggersResumed = (callbacks: FakeCallbacks): string[] =>
  callbacks.resumed.map(({ output, failure }) => failure?.error ?? (output as { trigger: string }).trigger);

describe('lifecycleTasks: a trigger before its wait is parked', () => {
  it('is recorded, and the wait parked 10 minutes later resumes at once with it', async () => {
    const { tasks, park, callbacks, advanceMinutes, now } = lifecycleHarness({ 'o-1': 'paid' });
    const sentAt = now().toISOString();
    await expect(tasks.applyTrigger(trigger('o-1', 'ProcessingStarted'))).resolves.toMatchObject({
      outcome: 'recorded',
      to: 'processing',
    });
    expect(callbacks.resumed).toEqual([]);

    advanceMinutes(10);
    await expect(park('o-1', 'paid', 'token-paid')).resolves.toMatchObject({
      resumedBy: 'ProcessingStarted',
    });
    expect(callbacks.resumed).toEqual([
      {
        token: 'token-paid',
        output: {
          trigger: 'ProcessingStarted',
          eventId: 'evt-ProcessingStarted',
          receivedAt: sentAt,
          data: { orderId: 'o-1' },
        },
      },
    ]);
  });

  it('resumes once when its duplicate arrives before and after the wait parks', async () => {
    const { tasks, park, callbacks, advanceMinutes } = lifecycleHarness({ 'o-2': 'paid' });
    await tasks.applyTrigger(trigger('o-2', 'ProcessingStarted'));
    await expect(tasks.applyTrigger(trigger('o-2', 'ProcessingStarted'))).resolves.toMatchObject({
      outcome: 'duplicate',
    });
    advanceMinutes(10);
    await park('o-2', 'paid');
    await expect(tasks.applyTrigger(trigger('o-2', 'ProcessingStarted'))).resolves.toMatchObject({
      outcome: 'duplicate',
    });
    expect(callbacks.resumed).toHaveLength(1);
  });

  it('takes OrderCancelled that met the resumed created wait into the paid wait', async () => {
    const { tasks, park, callbacks, recorded } = lifecycleHarness({ 'o-3': 'created' });
    await park('o-3', 'created', 'token-created');
    await tasks.applyTrigger(trigger('o-3', 'PaymentCompleted'));
    await expect(tasks.applyTrigger(trigger('o-3', 'OrderCancelled'))).resolves.toMatchObject({
      outcome: 'recorded',
    });
    recorded['o-3'] = 'paid';
    await park('o-3', 'paid', 'token-paid');
    expect(tokensResumed(callbacks)).toEqual(['token-created', 'token-paid']);
    expect(triggersResumed(callbacks)).toEqual(['PaymentCompleted', 'OrderCancelled']);
  });
});

describe('lifecycleTasks: duplicates of a trigger that resumed a wait', () => {
  it('answers a redelivery of the same event as a duplicate and rejects another event of the trigger', async () => {
    const { tasks, park, callbacks, recorded } = lifecycleHarness({ 'o-4': 'created' });
    await park('o-4', 'created');
    await expect(tasks.applyTrigger(trigger('o-4', 'PaymentCompleted', 'evt-1'))).resolves.toMatchObject({
      outcome: 'resumed',
    });
    await expect(tasks.applyTrigger(trigger('o-4', 'PaymentCompleted', 'evt-1'))).resolves.toMatchObject({
      outcome: 'duplicate',
    });
    recorded['o-4'] = 'paid';
    await park('o-4', 'paid');
    const another = await failureOf(tasks.applyTrigger(trigger('o-4', 'PaymentCompleted', 'evt-2')));
    expect(isTransitionRejectedError(another)).toBe(true);
    expect(another).toMatchObject({ state: 'paid', trigger: 'PaymentCompleted' });
    expect(callbacks.resumed).toHaveLength(1);
  });

  it('lets only one of two racing triggers resume a wait; the other waits for the next one', async () => {
    const { tasks, park, callbacks, recorded } = lifecycleHarness({ 'o-5': 'created' });
    await park('o-5', 'created', 'token-created');
    await Promise.all([
      tasks.applyTrigger(trigger('o-5', 'PaymentCompleted')),
      tasks.applyTrigger(trigger('o-5', 'OrderCancelled')),
    ]);
    expect(tokensResumed(callbacks)).toEqual(['token-created']);
    recorded['o-5'] = 'paid';
    await park('o-5', 'paid', 'token-paid');
    const byToken = triggersResumed(callbacks);
    // OrderCancelled resumes the paid wait only if PaymentCompleted took the created one (a cancel is final).
    if (byToken[0] === 'PaymentCompleted') expect(byToken).toEqual(['PaymentCompleted', 'OrderCancelled']);
    else expect(byToken).toEqual(['OrderCancelled']);
  });
});

describe('lifecycleTasks: a slow resume and the next wait', () => {
  it('never puts a token back over the next wait of the same trigger', async () => {
    const { tasks, park, callbacks, recorded } = lifecycleHarness({ 'o-6': 'created' });
    await park('o-6', 'created', 'token-created');
    await tasks.applyTrigger(trigger('o-6', 'PaymentCompleted'));
    recorded['o-6'] = 'paid';
    // A resume call on the spent created token answers slowly: the paid wait parks meanwhile, then it throttles.
    let parked = false;
    callbacks.beforeAnswer = async () => {
      parked = true;
      await park('o-6', 'paid', 'token-paid');
    };
    await tasks.applyTrigger(trigger('o-6', 'OrderCancelled')).catch((error: unknown) => {
      expect(isTransientTaskError(error)).toBe(true);
    });
    callbacks.beforeAnswer = undefined;
    if (!parked) await park('o-6', 'paid', 'token-paid');
    await tasks.applyTrigger(trigger('o-6', 'OrderCancelled')).catch(() => undefined);

    expect(tokensResumed(callbacks)).toEqual(['token-created', 'token-paid']);
    expect(triggersResumed(callbacks)).toEqual(['PaymentCompleted', 'OrderCancelled']);
  });
});

describe('lifecycleTasks: rejecting for good', () => {
  it('rejects a trigger for an order that was never created, in state unknown', async () => {
    const { tasks } = lifecycleHarness();
    const error = await failureOf(tasks.applyTrigger(trigger('o-ghost', 'PaymentCompleted')));
    expect(isTransitionRejectedError(error)).toBe(true);
    expect(error).toMatchObject({ state: 'unknown', trigger: 'PaymentCompleted', awaitedTriggers: [] });
  });

  it('rejects a trigger of a finished order', async () => {
    const { tasks } = lifecycleHarness({ 'o-7': 'cancelled' });
    const error = await failureOf(tasks.applyTrigger(trigger('o-7', 'ProcessingStarted')));
    expect(error).toMatchObject({ code: 'TRANSITION_REJECTED', state: 'cancelled' });
  });

  it('rejects a trigger the armed wait of the recorded state does not await, and keeps the wait', async () => {
    const { tasks, park, store } = lifecycleHarness({ 'o-8': 'created' });
    await park('o-8', 'created');
    const error = await failureOf(tasks.applyTrigger(trigger('o-8', 'ProcessingStarted')));
    expect(error).toMatchObject({ code: 'TRANSITION_REJECTED', state: 'created' });
    expect((await store.peek('o-8')).map((entry) => entry.trigger)).toEqual([
      'OrderCancelled',
      'PaymentCompleted',
    ]);
    expect((await store.read('o-8')).inbox).toEqual([]);
  });
});

describe('lifecycleTasks when the order cannot be read', () => {
  it.each(['PaymentCompleted', 'ProcessingStarted'] as const)(
    'throws transient on %s so the event is retried, not rejected',
    async (name) => {
      const tasks = lifecycleTasks({
        tokens: new InMemoryTaskTokenStore(),
        callbacks: new FakeCallbacks(),
        orders: {
          recordedOrder: async () => {
            throw new Error('ProvisionedThroughputExceededException');
          },
        },
      });
      const error = await failureOf(tasks.applyTrigger(trigger('o-9', name)));
      expect(isTransientTaskError(error)).toBe(true);
      expect(error).toMatchObject({ errorType: 'Error' });
    },
  );
});
