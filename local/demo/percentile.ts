import { InvalidPercentileError } from './demo-error.js';

/**
 * The nearest-rank percentile: the smallest value such that at least `p`% of the values are less than or
 * equal to it (so it is always one of the values; p99 of fewer than 100 values is the maximum).
 * `undefined` when there are no values.
 *
 * @example
 * ```ts
 * percentile([5, 1, 4, 2, 3], 50); // 3
 * percentile([5, 1, 4, 2, 3], 99); // 5
 * percentile([], 50); // undefined
 * ```
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (!(p >= 0 && p <= 100)) throw new InvalidPercentileError(p);
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}
