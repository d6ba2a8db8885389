import { describe, expect, it } from 'vitest';
import {
  DECLINING_CARD_TOKEN,
  declineReason,
  MAX_CHARGE_MINOR_UNITS,
} from '../../../../lambdas/agents/payment/decline-rule.js';
import { PaymentDeclinedError } from '../../../../lambdas/agents/payment/payment-error.js';
import type { PaymentGateway } from '../../../../lambdas/agents/payment/payment-gateway.js';
import { paymentTasks } from '../../../../lambdas/agents/payment/payment-tasks.js';
import { SimulatedPaymentGateway } from '../../../../lambdas/agents/payment/simulated-payment-gateway.js';
import { InMemoryPaymentStore } from '../../../../lambdas/stores/payments/in-memory/in-memory-payment-store.js';

/** The simulated gateway, counting the calls that would move money. */
class CountingGateway implements PaymentGateway {
  readonly #inner = new SimulatedPaymentGateway();
  charges = 0;
  refunds = 0;
  async charge(request: { idempotencyKey: string; cardToken: string; amount: number }) {
    this.charges += 1;
    return this.#inner.charge(request);
  }
  async refund(request: { idempotencyKey: string; paymentId: string; amount: number }) {
    this.refunds += 1;
    return this.#inner.refund(request);
  }
}

const setup = () => {
  const payments = new InMemoryPaymentStore();
  const gateway = new CountingGateway();
  return { payments, gateway, tasks: paymentTasks({ payments, gateway }) };
};
const charge = (overrides: { cardToken?: string; unitPrice?: number; sagaId?: string } = {}) => ({
  sagaId: overrides.sagaId ?? 'saga-1',
  orderId: 'order-1',
  userId: 'u-1',
  items: [{ sku: 'A', quantity: 2, unitPrice: overrides.unitPrice ?? 1_250 }],
  payment: { cardToken: overrides.cardToken ?? 'tok_visa' },
});

describe('decline rule', () => {
  it('declines the token tok_decline whatever the amount', () => {
    expect(DECLINING_CARD_TOKEN).toBe('tok_decline');
    expect(declineReason('tok_decline', 1)).toBe('card-declined');
  });

  it('declines amounts over 1,000,000 minor units and approves the limit itself', () => {
    expect(MAX_CHARGE_MINOR_UNITS).toBe(1_000_000);
    expect(declineReason('tok_visa', 1_000_001)).toBe('amount-over-limit');
    expect(declineReason('tok_visa', 1_000_000)).toBeUndefined();
  });
});

describe('payment tasks', () => {
  it('charges the order total once however often the step repeats', async () => {
    const { tasks, gateway } = setup();
    const first = await tasks.charge(charge());
    const repeat = await tasks.charge(charge());
    expect(first.amount).toBe(2_500);
    expect(first.paymentId).toMatch(/^pay_/);
    expect(repeat).toEqual(first);
    expect(gateway.charges).toBe(1);
  });

  it('answers concurrent attempts of one charge with one payment id (the gateway key dedupes)', async () => {
    const { tasks, payments } = setup();
    const attempts = await Promise.all([
      tasks.charge(charge()),
      tasks.charge(charge()),
      tasks.charge(charge()),
    ]);
    expect(new Set(attempts.map((a) => a.paymentId)).size).toBe(1);
    expect(payments.all()).toHaveLength(1);
  });

  it('throws PaymentDeclinedError for the declining token, and again on a repeat without a second charge', async () => {
    const { tasks, gateway, payments } = setup();
    await expect(tasks.charge(charge({ cardToken: 'tok_decline' }))).rejects.toMatchObject({
      name: 'PaymentDeclinedError',
      code: 'PAYMENT_DECLINED',
      reason: 'card-declined',
    });
    await expect(tasks.charge(charge({ cardToken: 'tok_decline' }))).rejects.toBeInstanceOf(
      PaymentDeclinedError,
    );
    expect(gateway.charges).toBe(1);
    expect((await payments.charge('saga-1'))?.status).toBe('declined');
  });

  it('declines an order whose total is over the limit', async () => {
    const { tasks } = setup();
    await expect(tasks.charge(charge({ unitPrice: 500_001 }))).rejects.toMatchObject({
      reason: 'amount-over-limit',
      amount: 1_000_002,
    });
  });

  it('refunds a charge once, answering the same on a repeat', async () => {
    const { tasks, payments } = setup();
    const charged = await tasks.charge(charge());
    const first = await tasks.refund({ sagaId: 'saga-1', orderId: 'order-1' });
    const repeat = await tasks.refund({ sagaId: 'saga-1', orderId: 'order-1' });
    expect(first).toEqual({ refunded: true, paymentId: charged.paymentId, amount: 2_500 });
    expect(repeat).toEqual(first);
    expect((await payments.charge('saga-1'))?.status).toBe('refunded');
  });

  it('treats the refund of a never-charged saga as a successful no-op, and a late charge then declines', async () => {
    const { tasks, gateway } = setup();
    expect(await tasks.refund({ sagaId: 'saga-1', orderId: 'order-1' })).toEqual({
      refunded: false,
      amount: 0,
    });
    await expect(tasks.charge(charge())).rejects.toMatchObject({ reason: 'saga-compensated' });
    expect(gateway.charges).toBe(0);
  });

  it('does not refund a declined charge', async () => {
    const { tasks, gateway } = setup();
    await tasks.charge(charge({ cardToken: 'tok_decline' })).catch(() => undefined);
    expect(await tasks.refund({ sagaId: 'saga-1', orderId: 'order-1' })).toEqual({
      refunded: false,
      amount: 0,
    });
    expect(gateway.refunds).toBe(0);
  });
});
