/**
 * How an order of the demo ended: delivered or cancelled at the end of its lifecycle, refused by the saga
 * (declined payment, out of stock, invalid user), expired on a lifecycle timeout, `unfinished` when its
 * lifecycle still waits after the last trigger, or `broken` when an execution failed or the order stalled
 * (infrastructure, never a business result).
 */
export const ORDER_OUTCOMES = [
  'delivered',
  'cancelled',
  'declined',
  'out-of-stock',
  'invalid-user',
  'expired',
  'unfinished',
  'broken',
] as const;
export type OrderOutcome = (typeof ORDER_OUTCOMES)[number];

/** How each outcome reads in the trace and the summary. */
export const OUTCOME_LABELS: Readonly<Record<OrderOutcome, string>> = {
  delivered: 'delivered',
  cancelled: 'cancelled',
  declined: 'payment declined',
  'out-of-stock': 'out of stock',
  'invalid-user': 'invalid user',
  expired: 'expired',
  unfinished: 'unfinished',
  broken: 'broken',
};

/** The saga's business errors (`OrderFailed.error`) and the outcome each means. */
const SAGA_ERROR_OUTCOMES: Readonly<Record<string, OrderOutcome>> = {
  PaymentDeclinedError: 'declined',
  InsufficientStockError: 'out-of-stock',
  UserInvalidError: 'invalid-user',
};

/**
 * The outcome a saga business error stands for; anything else (an order id taken, a transient error that
 * exhausted its retries) is `broken` as far as the demo is concerned.
 *
 * @example
 * ```ts
 * outcomeOfSagaError('PaymentDeclinedError'); // 'declined'
 * ```
 */
export function outcomeOfSagaError(error: string): OrderOutcome {
  return SAGA_ERROR_OUTCOMES[error] ?? 'broken';
}
