import { SAGA_TASK_ERRORS } from '../../contracts/order/saga-task-errors.js';

/** Base of every error the payment agent raises; `code` is stable so callers branch on it. */
export class PaymentError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export const isPaymentError = (error: unknown): error is PaymentError => error instanceof PaymentError;

/**
 * Why a charge declined: the decline rule (`card-declined`, `amount-over-limit`, see `declineReason`), or
 * `saga-compensated` when the saga's refund already ran before this charge attempt arrived.
 */
export type DeclineReason = 'card-declined' | 'amount-over-limit' | 'saga-compensated';

/** ChargePayment (saga task): the decline rule matched; nothing was charged. Caught by name. */
export class PaymentDeclinedError extends PaymentError {
  readonly sagaId: string;
  readonly amount: number;
  readonly reason: DeclineReason;

  constructor(sagaId: string, amount: number, reason: DeclineReason, options?: { cause?: unknown }) {
    super(SAGA_TASK_ERRORS.PaymentDeclinedError.code, `Payment of ${amount} declined: ${reason}`, options);
    this.sagaId = sagaId;
    this.amount = amount;
    this.reason = reason;
  }
}

export const isPaymentDeclinedError = (error: unknown): error is PaymentDeclinedError =>
  error instanceof PaymentDeclinedError;
