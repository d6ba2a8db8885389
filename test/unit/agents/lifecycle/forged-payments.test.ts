import { describe, expect, it } from 'vitest';
import { isTransitionRejectedError } from '../../../../lambdas/agents/lifecycle/lifecycle-error.js';
import {
  chargeOf,
  failureOf,
  lifecycleHarness,
  trigger,
} from '../../../support/lifecycle/lifecycle-harness.js';

/** Forged PaymentCompleted payloads for order `orderId`, each from the allowed producer. */
const FORGERIES = [
  {
    what: 'a wrong amount',
    data: (orderId: string) => ({ ...chargeOf(orderId), amount: chargeOf(orderId).amount + 1 }),
    because: 'amount 2501 is not the amount charged for this order',
  },
  {
    what: 'a wrong payment id',
    data: (orderId: string) => ({ ...chargeOf(orderId), paymentId: 'pay-forged' }),
    because: 'the payment id is not the one charged for this order',
  },
  {
    what: "another order's payment",
    data: () => chargeOf('o-other'),
    because: 'the payment id is not the one charged for this order',
  },
] as const;

describe('lifecycleTasks: a forged PaymentCompleted', () => {
  it.each(FORGERIES)(
    'with $what is rejected at a parked wait, and the genuine one resumes it',
    async ({ data, because }) => {
      const { tasks, park, callbacks, store } = lifecycleHarness({ 'o-1': 'created', 'o-other': 'created' });
      await park('o-1', 'created', 'token-created');

      const error = await failureOf(
        tasks.applyTrigger(trigger('o-1', 'PaymentCompleted', 'evt-forged', data('o-1'))),
      );
      expect(isTransitionRejectedError(error)).toBe(true);
      expect(error).toMatchObject({
        trigger: 'PaymentCompleted',
        state: 'created',
        awaitedTriggers: ['OrderCancelled', 'PaymentCompleted'],
        reason: because,
      });
      expect(callbacks.resumed).toEqual([]);
      const view = await store.read('o-1');
      expect(view.inbox).toEqual([]);
      expect(view.claims).toEqual([]);
      expect(view.waits.map((wait) => wait.token)).toEqual(['token-created', 'token-created']);

      await expect(
        tasks.applyTrigger(trigger('o-1', 'PaymentCompleted', 'evt-genuine')),
      ).resolves.toMatchObject({
        outcome: 'resumed',
        to: 'paid',
      });
      expect(callbacks.resumed).toEqual([
        {
          token: 'token-created',
          output: expect.objectContaining({
            eventId: 'evt-genuine',
            data: { orderId: 'o-1', ...chargeOf('o-1') },
          }),
        },
      ]);
    },
  );

  it.each(FORGERIES)(
    'with $what before the wait parks is not recorded, so the wait takes the genuine one',
    async ({ data, because }) => {
      const { tasks, park, callbacks, store } = lifecycleHarness({ 'o-1': 'created', 'o-other': 'created' });

      const error = await failureOf(
        tasks.applyTrigger(trigger('o-1', 'PaymentCompleted', 'evt-forged', data('o-1'))),
      );
      expect(error).toMatchObject({ code: 'TRANSITION_REJECTED', reason: because, awaitedTriggers: [] });
      expect((await store.read('o-1')).inbox).toEqual([]);

      await expect(
        tasks.applyTrigger(trigger('o-1', 'PaymentCompleted', 'evt-genuine')),
      ).resolves.toMatchObject({
        outcome: 'recorded',
      });
      await expect(park('o-1', 'created', 'token-created')).resolves.toMatchObject({
        resumedBy: 'PaymentCompleted',
      });
      expect(callbacks.resumed.map(({ output }) => (output as { eventId: string }).eventId)).toEqual([
        'evt-genuine',
      ]);
    },
  );

  it('is rejected again on every redelivery, and never shuts out the genuine one', async () => {
    const { tasks, park, callbacks } = lifecycleHarness({ 'o-1': 'created' });
    await park('o-1', 'created', 'token-created');
    const forged = trigger('o-1', 'PaymentCompleted', 'evt-forged', { ...chargeOf('o-1'), amount: 0 });
    for (let delivery = 0; delivery < 3; delivery += 1) {
      expect(isTransitionRejectedError(await failureOf(tasks.applyTrigger(forged)))).toBe(true);
    }
    await tasks.applyTrigger(trigger('o-1', 'PaymentCompleted', 'evt-genuine'));
    expect(isTransitionRejectedError(await failureOf(tasks.applyTrigger(forged)))).toBe(true);
    expect(callbacks.resumed.map(({ token }) => token)).toEqual(['token-created']);
  });
});
