import type { OrderLine } from '../../lambdas/contracts/order/order-values.js';
import { UnknownProductError } from './demo-error.js';
import type { DemoProduct, DemoUser } from './demo-scenario.js';

/** The demo's customers. Ken is registered and then deleted, so his order fails user validation. */
export const DEMO_USERS: readonly DemoUser[] = [
  { userId: 'u-ada', name: 'Ada Lovelace', email: 'ada@example.com', phone: '+14155550101' },
  { userId: 'u-grace', name: 'Grace Hopper', email: 'grace@example.com', phone: '+14155550102' },
  { userId: 'u-linus', name: 'Linus Torvalds', email: 'linus@example.com' },
  { userId: 'u-margaret', name: 'Margaret Hamilton', email: 'margaret@example.com', phone: '+14155550104' },
  { userId: 'u-alan', name: 'Alan Turing', email: 'alan@example.com' },
  { userId: 'u-barbara', name: 'Barbara Liskov', email: 'barbara@example.com', phone: '+14155550106' },
  { userId: 'u-ken', name: 'Ken Thompson', email: 'ken@example.com', deleted: true },
];

/**
 * The shelf. Stock is generous wherever an order should succeed, so the outcomes do not depend on the order
 * in which concurrent sagas reserve; HEADSET is sold out and one GPU is left, for the out-of-stock orders.
 */
export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  { sku: 'KEYBOARD', unitPrice: 8_900, stock: 50 },
  { sku: 'MOUSE', unitPrice: 2_900, stock: 50 },
  { sku: 'MONITOR', unitPrice: 24_900, stock: 20 },
  { sku: 'CABLE', unitPrice: 900, stock: 200 },
  { sku: 'LAPTOP', unitPrice: 189_900, stock: 20 },
  { sku: 'DESK', unitPrice: 45_000, stock: 10 },
  { sku: 'CHAIR', unitPrice: 32_000, stock: 10 },
  { sku: 'HEADSET', unitPrice: 12_900, stock: 0 },
  { sku: 'GPU', unitPrice: 159_900, stock: 1 },
];

/**
 * An order line for `quantity` of a catalogue product, at its catalogue price.
 *
 * @example
 * ```ts
 * line('MOUSE', 2); // { sku: 'MOUSE', quantity: 2, unitPrice: 2900 }
 * ```
 */
export function line(sku: string, quantity: number): OrderLine {
  const product = DEMO_PRODUCTS.find((candidate) => candidate.sku === sku);
  if (product === undefined) throw new UnknownProductError(sku);
  return { sku, quantity, unitPrice: product.unitPrice };
}
