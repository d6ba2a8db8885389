import type { OrderLine } from './order-values.js';

/**
 * The amount an order charges, in minor units: the sum of quantity × unitPrice over its lines. Integer
 * arithmetic only (money is never a float).
 *
 * @example
 * ```ts
 * orderTotal([{ sku: 'A', quantity: 2, unitPrice: 1250 }]); // 2500
 * ```
 */
export function orderTotal(items: readonly OrderLine[]): number {
  let total = 0;
  for (const line of items) total += line.quantity * line.unitPrice;
  return total;
}
