import type { DeclineReason } from './payment-error.js';

export type GatewayChargeResult =
  | { readonly approved: true; readonly paymentId: string }
  | { readonly approved: false; readonly reason: DeclineReason };

/**
 * The card processor, behind a port. Both calls take an idempotency key (as Stripe's `Idempotency-Key`):
 * the same key always answers the same outcome and moves money at most once, which is what lets the
 * payment agent retry a step whose record it did not get to write.
 */
export interface PaymentGateway {
  charge(request: {
    idempotencyKey: string;
    cardToken: string;
    amount: number;
  }): Promise<GatewayChargeResult>;
  refund(request: {
    idempotencyKey: string;
    paymentId: string;
    amount: number;
  }): Promise<{ refundId: string }>;
}
