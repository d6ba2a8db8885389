import { describe, expect, it } from 'vitest';
import { declineReason } from '../../../lambdas/agents/payment/decline-rule.js';
import { OrderRequested } from '../../../lambdas/contracts/order/order-messages.js';
import { orderTotal } from '../../../lambdas/contracts/order/order-total.js';
import { line } from '../../../local/demo/demo-catalogue.js';
import { isDemoError } from '../../../local/demo/demo-error.js';
import { demoScenario } from '../../../local/demo/demo-orders.js';
import type { DemoOrder } from '../../../local/demo/demo-scenario.js';

const { users, products, orders } = demoScenario();
const stockOf = (sku: string): number => products.find((product) => product.sku === sku)?.stock ?? 0;
const asksTooMuch = (order: DemoOrder): boolean =>
  order.items.some((item) => item.quantity > stockOf(item.sku));
const userIsValid = (order: DemoOrder): boolean =>
  users.some((user) => user.userId === order.userId && user.deleted !== true);

describe('the demo scenario', () => {
  it('places twenty valid OrderRequested payloads with distinct ids', () => {
    expect(orders).toHaveLength(20);
    expect(new Set(orders.map((order) => order.orderId)).size).toBe(orders.length);
    for (const order of orders) {
      const payload = {
        orderId: order.orderId,
        userId: order.userId,
        items: order.items,
        payment: { cardToken: order.cardToken },
      };
      expect(OrderRequested.schema.safeParse(payload).success, order.orderId).toBe(true);
    }
  });

  it('delivers most orders and has some of every refusal and both kinds of cancellation', () => {
    const count = (outcome: DemoOrder['expected']) =>
      orders.filter((order) => order.expected === outcome).length;
    expect(count('delivered')).toBeGreaterThan(orders.length / 2);
    expect(count('declined')).toBeGreaterThanOrEqual(2);
    expect(count('out-of-stock')).toBeGreaterThanOrEqual(2);
    const cancelled = orders.filter((order) => order.expected === 'cancelled');
    expect(cancelled.map((order) => order.triggers.indexOf('OrderCancelled'))).toEqual([0, 1]);
  });

  it('expects each refusal exactly where the saga refuses: user, then stock, then the decline rule', () => {
    for (const order of orders) {
      const refusal = !userIsValid(order)
        ? 'invalid-user'
        : asksTooMuch(order)
          ? 'out-of-stock'
          : declineReason(order.cardToken, orderTotal(order.items)) !== undefined
            ? 'declined'
            : undefined;
      if (refusal === undefined) expect(['delivered', 'cancelled'], order.orderId).toContain(order.expected);
      else expect(order.expected, order.orderId).toBe(refusal);
    }
  });

  it('holds enough stock for every order that reserves, so concurrent sagas cannot change an outcome', () => {
    const reserving = orders.filter((order) =>
      ['delivered', 'cancelled', 'declined'].includes(order.expected),
    );
    for (const product of products) {
      const asked = reserving
        .flatMap((order) => order.items)
        .filter((item) => item.sku === product.sku)
        .reduce((sum, item) => sum + item.quantity, 0);
      expect(asked, product.sku).toBeLessThanOrEqual(product.stock);
    }
  });

  it('sends the full trigger sequence to every order expected to be delivered', () => {
    for (const order of orders.filter((candidate) => candidate.expected === 'delivered')) {
      expect(order.triggers.slice(-4), order.orderId).toEqual([
        'PaymentCompleted',
        'ProcessingStarted',
        'ShippingConfirmed',
        'DeliveryConfirmed',
      ]);
    }
  });

  it('refuses an order line for a product the catalogue does not have', () => {
    const error = (() => {
      try {
        line('UNOBTAINIUM', 1);
      } catch (caught) {
        return caught;
      }
    })();
    expect(isDemoError(error) && error.code).toBe('UNKNOWN_PRODUCT');
  });
});
