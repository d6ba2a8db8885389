import type { LifecycleTrigger } from '../../lambdas/contracts/order/lifecycle-messages.js';
import type { OrderLine } from '../../lambdas/contracts/order/order-values.js';
import type { OrderOutcome } from './order-outcome.js';

/** A customer the demo registers before placing orders (`deleted` ones are registered, then deleted). */
export interface DemoUser {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly phone?: string;
  readonly deleted?: boolean;
}

/** A product on the shelf: its SKU, its price in minor units and how many are in stock at the start. */
export interface DemoProduct {
  readonly sku: string;
  readonly unitPrice: number;
  readonly stock: number;
}

/** One order of the demo: what is requested, which lifecycle triggers follow, and how it must end. */
export interface DemoOrder {
  readonly orderId: string;
  readonly userId: string;
  readonly items: readonly OrderLine[];
  readonly cardToken: string;
  /**
   * Sent in order once the saga placed the order, each as soon as the lifecycle waits again. A trigger the
   * order is not waiting for is rejected (OrderTransitionRejected) and changes nothing.
   */
  readonly triggers: readonly LifecycleTrigger[];
  /** Why the customer cancels, when `triggers` holds OrderCancelled. */
  readonly cancelReason?: string;
  readonly expected: OrderOutcome;
  /** One line for the reader: what this order shows. */
  readonly story: string;
}

/** Everything the demo needs: who shops, what is on the shelf, and the orders with their expected outcomes. */
export interface DemoScenario {
  readonly users: readonly DemoUser[];
  readonly products: readonly DemoProduct[];
  readonly orders: readonly DemoOrder[];
}
