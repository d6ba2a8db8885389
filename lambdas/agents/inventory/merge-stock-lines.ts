import type { StockLine } from '../../contracts/order/saga-tasks.js';

/**
 * One line per SKU, quantities summed, sorted by SKU: a DynamoDB transaction may touch an item only once,
 * and a sorted list compares equal across repeats of the same request.
 *
 * @example
 * ```ts
 * mergeStockLines([{ sku: 'B', quantity: 1 }, { sku: 'A', quantity: 2 }, { sku: 'B', quantity: 3 }]);
 * // [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 4 }]
 * ```
 */
export function mergeStockLines(items: readonly StockLine[]): StockLine[] {
  const totals = new Map<string, number>();
  for (const line of items) totals.set(line.sku, (totals.get(line.sku) ?? 0) + line.quantity);
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([sku, quantity]) => ({ sku, quantity }));
}

/** True when both lists (already merged) ask for the same SKUs in the same quantities. */
export const sameStockLines = (a: readonly StockLine[], b: readonly StockLine[]): boolean =>
  a.length === b.length && a.every((line, i) => line.sku === b[i]?.sku && line.quantity === b[i]?.quantity);
