import type { LifecycleTrigger } from '../../lambdas/contracts/order/lifecycle-messages.js';
import { DEMO_PRODUCTS, DEMO_USERS, line } from './demo-catalogue.js';
import type { DemoOrder, DemoScenario } from './demo-scenario.js';

/** The triggers that take a placed order all the way: created → paid → processing → shipped → delivered. */
const TO_DELIVERY: readonly LifecycleTrigger[] = [
  'PaymentCompleted',
  'ProcessingStarted',
  'ShippingConfirmed',
  'DeliveryConfirmed',
];

const delivered = (
  orderId: string,
  userId: string,
  items: DemoOrder['items'],
  story = 'placed and delivered',
): DemoOrder => ({
  orderId,
  userId,
  items,
  cardToken: 'tok_visa',
  triggers: TO_DELIVERY,
  expected: 'delivered',
  story,
});

/**
 * Twenty orders: most are delivered, two are declined (the card token `tok_decline`, and a total over
 * 1,000,000 minor units), two run out of stock, one is cancelled while created and one while paid, one
 * belongs to a deleted user, and one receives a trigger too early (rejected, then delivered normally).
 */
export const DEMO_ORDERS: readonly DemoOrder[] = [
  delivered('o-1001', 'u-ada', [line('KEYBOARD', 1), line('MOUSE', 1)], 'the happy path, every transition'),
  delivered('o-1002', 'u-grace', [line('MONITOR', 2)]),
  delivered('o-1003', 'u-linus', [line('CABLE', 3), line('KEYBOARD', 1)], 'no phone: email only'),
  delivered('o-1004', 'u-margaret', [line('LAPTOP', 1)]),
  {
    orderId: 'o-1005',
    userId: 'u-alan',
    items: [line('KEYBOARD', 1)],
    cardToken: 'tok_decline',
    triggers: [],
    expected: 'declined',
    story: 'card token tok_decline always declines: the reservation is released',
  },
  {
    orderId: 'o-1006',
    userId: 'u-barbara',
    items: [line('LAPTOP', 6)],
    cardToken: 'tok_visa',
    triggers: [],
    expected: 'declined',
    story: '11,394.00 is over the 10,000.00 limit: declined, reservation released',
  },
  {
    orderId: 'o-1007',
    userId: 'u-ada',
    items: [line('GPU', 2)],
    cardToken: 'tok_visa',
    triggers: [],
    expected: 'out-of-stock',
    story: 'two GPUs asked, one left: nothing reserved, nothing charged',
  },
  {
    orderId: 'o-1008',
    userId: 'u-grace',
    items: [line('MOUSE', 1), line('HEADSET', 1)],
    cardToken: 'tok_visa',
    triggers: [],
    expected: 'out-of-stock',
    story: 'HEADSET is sold out, so the whole order is refused',
  },
  {
    orderId: 'o-1009',
    userId: 'u-linus',
    items: [line('DESK', 1)],
    cardToken: 'tok_visa',
    triggers: ['OrderCancelled'],
    cancelReason: 'changed my mind',
    expected: 'cancelled',
    story: 'cancelled while created: refunded, stock released',
  },
  {
    orderId: 'o-1010',
    userId: 'u-margaret',
    items: [line('CHAIR', 2)],
    cardToken: 'tok_visa',
    triggers: ['PaymentCompleted', 'OrderCancelled'],
    cancelReason: 'found a cheaper chair',
    expected: 'cancelled',
    story: 'cancelled while paid: refunded, stock released',
  },
  {
    orderId: 'o-1011',
    userId: 'u-ken',
    items: [line('CABLE', 1)],
    cardToken: 'tok_visa',
    triggers: [],
    expected: 'invalid-user',
    story: 'the user was deleted: refused at the first step',
  },
  {
    ...delivered('o-1012', 'u-alan', [line('MONITOR', 1), line('CABLE', 1)]),
    triggers: ['DeliveryConfirmed', ...TO_DELIVERY],
    story: 'DeliveryConfirmed arrives too early and is rejected; the order goes on',
  },
  delivered('o-1013', 'u-barbara', [line('DESK', 1), line('CHAIR', 1)]),
  delivered('o-1014', 'u-ada', [line('CABLE', 10)]),
  delivered('o-1015', 'u-grace', [line('KEYBOARD', 2)]),
  delivered('o-1016', 'u-linus', [line('LAPTOP', 1), line('MOUSE', 1)]),
  delivered('o-1017', 'u-margaret', [line('MOUSE', 3)]),
  delivered('o-1018', 'u-alan', [line('CHAIR', 1)]),
  delivered('o-1019', 'u-barbara', [line('MONITOR', 1)]),
  delivered('o-1020', 'u-ada', [line('DESK', 1), line('CABLE', 2)]),
];

/**
 * The scenario `npm start` runs: deterministic (same ids, prices, triggers and outcomes every run).
 *
 * @example
 * ```ts
 * const { users, products, orders } = demoScenario();
 * ```
 */
export function demoScenario(): DemoScenario {
  return { users: DEMO_USERS, products: DEMO_PRODUCTS, orders: DEMO_ORDERS };
}
