import { AgentbridgeError } from '../../contracts/agentbridge-error.js';
import { SAGA_TASK_ERRORS } from '../../contracts/order/saga-task-errors.js';

/**
 * Why a charge declined: the decline rule (`card-declined`, `amount-over-limit`, see `declineReason`), or
 * `saga-compensated` when the saga's refund already ran before this charge attempt arrived.
 */
export type DeclineReason = 'card-declined' | 'amount-over-limit' | 'saga-compensated';

/** ChargePayment (saga task): the decline rule matched; nothing was charged. Caught by name. */
export class PaymentDeclinedError extends AgentbridgeError {
  override readonly name = 'PaymentDeclinedError';
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
