import type { OrderState } from '../../contracts/order/lifecycle-messages.js';

/**
 * The transitions the order aggregate accepts: created → paid → processing → shipped → delivered;
 * created | paid → cancelled; any state still waiting on a trigger → expired (the lifecycle's callback timed out).
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderState, readonly OrderState[]>> = {
  created: ['paid', 'cancelled', 'expired'],
  paid: ['processing', 'cancelled', 'expired'],
  processing: ['shipped', 'expired'],
  shipped: ['delivered', 'expired'],
  delivered: [],
  cancelled: [],
  expired: [],
};

/**
 * Whether the aggregate accepts `from → to`.
 *
 * @example
 * ```ts
 * canTransition('paid', 'cancelled'); // true
 * canTransition('shipped', 'cancelled'); // false
 * ```
 */
export const canTransition = (from: OrderState, to: OrderState): boolean =>
  ORDER_TRANSITIONS[from].includes(to);
