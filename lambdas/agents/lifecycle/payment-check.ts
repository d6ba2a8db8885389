import { PaymentCompleted } from '../../contracts/order/lifecycle-messages.js';
import { TransientError } from '../../contracts/transient-error.js';
import type { OrderTriggers } from '../../stores/task-tokens/task-token-store.js';
import { TransitionRejectedError } from './lifecycle-error.js';
import type { TriggerEvent } from './lifecycle-tasks.js';
import type { OrderStateReader, RecordedOrder } from './order-state-reader.js';

/** A PaymentCompleted as the check compares it: what the payment provider says it settled. */
export interface ReportedPayment {
  readonly paymentId: string;
  readonly amount: number;
}

/**
 * Why a reported payment is not the saga's charge for the order, or `undefined` when it is. The reason names
 * only what the event said, never the recorded payment id or amount: OrderTransitionRejected goes out on the
 * bus, and a rejection must not teach a forger the values that would pass.
 *
 * @example
 * ```ts
 * paymentMismatch({ state: 'created', paymentId: 'pay_1', amount: 2500 }, { paymentId: 'pay_1', amount: 1 });
 * // 'amount 1 is not the amount charged for this order'
 * ```
 */
export function paymentMismatch(
  recorded: RecordedOrder | undefined,
  reported: ReportedPayment,
): string | undefined {
  if (recorded === undefined) return 'no order is recorded for PaymentCompleted';
  if (reported.paymentId !== recorded.paymentId)
    return 'the payment id is not the one charged for this order';
  if (reported.amount !== recorded.amount) {
    return `amount ${reported.amount} is not the amount charged for this order`;
  }
  return undefined;
}

/**
 * Lets a new PaymentCompleted through only if it reports the saga's charge (payment id and amount, as
 * OrderCreated recorded them); any other trigger passes untouched. Runs before the trigger is recorded in the
 * order's inbox, where the first event wins: a forged payment that got recorded would shut the genuine one
 * out, so a mismatch is rejected ({@link TransitionRejectedError}) and leaves nothing behind. An order that
 * cannot be read is a `TransientError` (the event is retried, never rejected for an outage).
 *
 * @example
 * ```ts
 * await checkPayment(orders, { trigger: 'PaymentCompleted', orderId: 'o-1', eventId, data }, view);
 * ```
 */
export async function checkPayment(
  orders: OrderStateReader,
  event: TriggerEvent,
  view: OrderTriggers,
): Promise<void> {
  if (event.trigger !== PaymentCompleted.name) return;
  const reported = PaymentCompleted.schema.safeParse(event.data);
  let recorded: RecordedOrder | undefined;
  try {
    recorded = await orders.recordedOrder(event.orderId);
  } catch (error) {
    throw new TransientError(error);
  }
  const reason = reported.success
    ? paymentMismatch(recorded, reported.data)
    : 'the event names no payment id and amount';
  if (reason === undefined) return;
  const claimed = new Set(view.claims.map((claim) => claim.token));
  throw new TransitionRejectedError({
    orderId: event.orderId,
    trigger: event.trigger,
    state: recorded?.state ?? 'unknown',
    awaitedTriggers: view.waits.filter((wait) => !claimed.has(wait.token)).map((wait) => wait.trigger),
    reason,
  });
}
