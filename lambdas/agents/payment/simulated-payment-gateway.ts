import { createHash } from 'node:crypto';
import { declineReason } from './decline-rule.js';
import type { GatewayChargeResult, PaymentGateway } from './payment-gateway.js';

const idFor = (prefix: string, idempotencyKey: string): string =>
  `${prefix}_${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 24)}`;

/**
 * The default gateway: moves no money and calls nothing. It applies the documented decline rule
 * (`declineReason`) and derives ids from the idempotency key, so it is deterministic and stateless: the same
 * key answers the same payment id on every container, as a real processor's idempotency would.
 *
 * @example
 * ```ts
 * const gateway = new SimulatedPaymentGateway();
 * await gateway.charge({ idempotencyKey: 'saga-1:ChargePayment', cardToken: 'tok_visa', amount: 2500 });
 * ```
 */
export class SimulatedPaymentGateway implements PaymentGateway {
  async charge(request: {
    idempotencyKey: string;
    cardToken: string;
    amount: number;
  }): Promise<GatewayChargeResult> {
    const reason = declineReason(request.cardToken, request.amount);
    if (reason !== undefined) return { approved: false, reason };
    return { approved: true, paymentId: idFor('pay', request.idempotencyKey) };
  }

  async refund(request: {
    idempotencyKey: string;
    paymentId: string;
    amount: number;
  }): Promise<{ refundId: string }> {
    return { refundId: idFor('ref', request.idempotencyKey) };
  }
}
