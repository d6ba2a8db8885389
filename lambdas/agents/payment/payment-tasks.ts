import { type Clock, systemClock } from '../../contracts/clock.js';
import type { MessageOf, ResponseOf } from '../../contracts/message-type.js';
import { orderTotal } from '../../contracts/order/order-total.js';
import type { ChargePayment, RefundPayment } from '../../contracts/order/saga-tasks.js';
import type { ChargeRecord, PaymentStorePort } from '../../stores/payments/payment-store-port.js';
import { type DeclineReason, PaymentDeclinedError } from './payment-error.js';
import type { PaymentGateway } from './payment-gateway.js';

export interface PaymentDeps {
  readonly payments: PaymentStorePort;
  readonly gateway: PaymentGateway;
  readonly clock?: Clock;
}

export interface PaymentTasks {
  charge(input: MessageOf<typeof ChargePayment>): Promise<ResponseOf<typeof ChargePayment>>;
  refund(input: MessageOf<typeof RefundPayment>): Promise<ResponseOf<typeof RefundPayment>>;
}

/** Gateway idempotency keys: one per (saga, step), so a retried step never moves money twice. */
const chargeKey = (sagaId: string): string => `${sagaId}:ChargePayment`;
const refundKey = (sagaId: string): string => `${sagaId}:RefundPayment`;

/**
 * The payment agent's saga steps, idempotent per (sagaId, step).
 *
 * - charge: the amount is `orderTotal(items)`; the decline rule (`declineReason`: token `tok_decline`, or
 *   more than 1,000,000 minor units) throws {@link PaymentDeclinedError}. The outcome is recorded once per
 *   saga; a repeat answers the recorded charge or throws the recorded decline.
 * - refund: gives back the saga's charge; never charged → `refunded: false` and a `voided` tombstone, so a
 *   late attempt of the charge cannot land after its compensation ran (it is refunded at once and declines).
 *
 * @example
 * ```ts
 * const tasks = paymentTasks({ payments: new InMemoryPaymentStore(), gateway: new SimulatedPaymentGateway() });
 * await tasks.charge({ sagaId, orderId, userId, items, payment: { cardToken: 'tok_visa' } });
 * ```
 */
export function paymentTasks(deps: PaymentDeps): PaymentTasks {
  const now = (): string => new Date((deps.clock ?? systemClock).now()).toISOString();
  const { payments, gateway } = deps;

  const answer = (record: ChargeRecord): ResponseOf<typeof ChargePayment> => {
    if (record.status === 'charged' || record.status === 'refunded') {
      return { paymentId: record.paymentId, amount: record.amount, chargedAt: record.chargedAt };
    }
    const reason: DeclineReason =
      record.status === 'voided' ? 'saga-compensated' : toReason(record.declineReason);
    throw new PaymentDeclinedError(record.sagaId, record.amount, reason);
  };

  const refundAtGateway = async (record: ChargeRecord): Promise<void> => {
    await gateway.refund({
      idempotencyKey: refundKey(record.sagaId),
      paymentId: record.paymentId,
      amount: record.amount,
    });
  };

  return {
    async charge({ sagaId, orderId, userId, items, payment }) {
      const existing = await payments.charge(sagaId);
      if (existing) return answer(existing);
      const amount = orderTotal(items);
      const result = await gateway.charge({
        idempotencyKey: chargeKey(sagaId),
        cardToken: payment.cardToken,
        amount,
      });
      const at = now();
      const { created, record } = await payments.recordCharge({
        sagaId,
        orderId,
        userId,
        amount,
        paymentId: result.approved ? result.paymentId : '',
        status: result.approved ? 'charged' : 'declined',
        ...(result.approved ? {} : { declineReason: result.reason }),
        chargedAt: at,
        updatedAt: at,
      });
      // The refund ran first (a `voided` tombstone): money this attempt moved goes straight back.
      if (!created && record.status === 'voided' && result.approved) {
        await gateway.refund({ idempotencyKey: refundKey(sagaId), paymentId: result.paymentId, amount });
      }
      return answer(record);
    },

    async refund({ sagaId, orderId }) {
      let record = await payments.charge(sagaId);
      if (record === undefined) {
        const at = now();
        const tombstone = await payments.recordCharge({
          sagaId,
          orderId,
          userId: '',
          paymentId: '',
          amount: 0,
          status: 'voided',
          chargedAt: at,
          updatedAt: at,
        });
        record = tombstone.record;
      }
      if (record.status !== 'charged' && record.status !== 'refunded') return { refunded: false, amount: 0 };
      // Gateway first, then the record: a crash in between leaves `charged`, and the repeat refunds again
      // under the same idempotency key (a no-op at the gateway) before flipping the record.
      await refundAtGateway(record);
      if (record.status === 'charged') await payments.refund(sagaId, now());
      return { refunded: true, paymentId: record.paymentId, amount: record.amount };
    },
  };
}

const toReason = (reason: string | undefined): DeclineReason =>
  reason === 'amount-over-limit' || reason === 'saga-compensated' ? reason : 'card-declined';
