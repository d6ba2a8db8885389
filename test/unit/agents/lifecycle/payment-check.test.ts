import { describe, expect, it } from 'vitest';
import { isTransitionRejectedError } from '../../../../lambdas/agents/lifecycle/lifecycle-error.js';
import type { OrderStateReader } from '../../../../lambdas/agents/lifecycle/order-state-reader.js';
import { checkPayment, paymentMismatch } from '../../../../lambdas/agents/lifecycle/payment-check.js';
import { isTransientTaskError } from '../../../../lambdas/contracts/transient-error.js';
import type { OrderTriggers } from '../../../../lambdas/stores/task-tokens/task-token-store.js';
import { failureOf, trigger } from '../../../support/lifecycle/lifecycle-harness.js';

const recorded = { state: 'created', paymentId: 'pay_1', amount: 2_500 } as const;
const reader = (answer: () => Promise<typeof recorded | undefined>) => {
  const reads: string[] = [];
  const orders: OrderStateReader = {
    recordedOrder: async (orderId) => {
      reads.push(orderId);
      return answer();
    },
  };
  return { orders, reads };
};
const nothingParked: OrderTriggers = { waits: [], inbox: [], claims: [] };
const payment = (data: Record<string, unknown>) => trigger('o-1', 'PaymentCompleted', 'evt-1', data);

describe('paymentMismatch', () => {
  it('passes the charge the saga recorded', () => {
    expect(paymentMismatch(recorded, { paymentId: 'pay_1', amount: 2_500 })).toBeUndefined();
  });

  it.each([
    { what: 'another payment id', reported: { paymentId: 'pay_2', amount: 2_500 }, because: /payment id/ },
    { what: 'a smaller amount', reported: { paymentId: 'pay_1', amount: 2_499 }, because: /amount 2499 / },
    { what: 'a larger amount', reported: { paymentId: 'pay_1', amount: 25_000 }, because: /amount 25000 / },
    { what: 'a zero amount', reported: { paymentId: 'pay_1', amount: 0 }, because: /amount 0 / },
    {
      what: 'a payment id that differs in case',
      reported: { paymentId: 'PAY_1', amount: 2_500 },
      because: /payment id/,
    },
  ])('rejects $what', ({ reported, because }) => {
    expect(paymentMismatch(recorded, reported)).toMatch(because);
  });

  it('rejects a payment for an order that was never created', () => {
    expect(paymentMismatch(undefined, { paymentId: 'pay_1', amount: 2_500 })).toBe(
      'no order is recorded for PaymentCompleted',
    );
  });

  it('never tells the recorded payment id or amount', () => {
    const reason = paymentMismatch(recorded, { paymentId: 'pay_9', amount: 1 }) ?? '';
    const other = paymentMismatch(recorded, { paymentId: 'pay_1', amount: 1 }) ?? '';
    for (const text of [reason, other]) {
      expect(text).not.toContain('pay_1');
      expect(text).not.toContain('2500');
    }
  });
});

describe('checkPayment', () => {
  it('lets the genuine PaymentCompleted through', async () => {
    const { orders, reads } = reader(async () => recorded);
    await expect(
      checkPayment(orders, payment({ paymentId: 'pay_1', amount: 2_500 }), nothingParked),
    ).resolves.toBeUndefined();
    expect(reads).toEqual(['o-1']);
  });

  it('does not read the order for any other trigger', async () => {
    const { orders, reads } = reader(async () => recorded);
    await checkPayment(orders, trigger('o-1', 'ProcessingStarted'), nothingParked);
    expect(reads).toEqual([]);
  });

  it('rejects a mismatch naming the order, its state, what it awaits and why', async () => {
    const { orders } = reader(async () => recorded);
    const view: OrderTriggers = {
      waits: [
        { trigger: 'PaymentCompleted', token: 't-1', state: 'created', expiresAt: 0 },
        { trigger: 'OrderCancelled', token: 't-1', state: 'created', expiresAt: 0 },
      ],
      inbox: [],
      claims: [],
    };
    const error = await failureOf(checkPayment(orders, payment({ paymentId: 'pay_1', amount: 1 }), view));
    expect(isTransitionRejectedError(error)).toBe(true);
    expect(error).toMatchObject({
      orderId: 'o-1',
      trigger: 'PaymentCompleted',
      state: 'created',
      awaitedTriggers: ['PaymentCompleted', 'OrderCancelled'],
      reason: 'amount 1 is not the amount charged for this order',
    });
  });

  it('rejects an event without the amount, in state unknown for an order never created', async () => {
    const { orders } = reader(async () => undefined);
    const error = await failureOf(checkPayment(orders, payment({ paymentId: 'pay_1' }), nothingParked));
    expect(error).toMatchObject({ state: 'unknown', reason: 'the event names no payment id and amount' });
  });

  it('throws transient when the order cannot be read, so the event is retried and not rejected', async () => {
    const { orders } = reader(async () => {
      throw new Error('ProvisionedThroughputExceededException');
    });
    const error = await failureOf(
      checkPayment(orders, payment({ paymentId: 'pay_1', amount: 2_500 }), nothingParked),
    );
    expect(isTransientTaskError(error)).toBe(true);
  });
});
