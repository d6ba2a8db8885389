/**
 * A duration for people: tenths of a millisecond below 100 ms, whole milliseconds below 10 s, then seconds.
 *
 * @example
 * ```ts
 * formatDuration(3.14); // '3.1 ms'
 * formatDuration(412.6); // '413 ms'
 * formatDuration(12_345); // '12.35 s'
 * ```
 */
export function formatDuration(ms: number): string {
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1_000).toFixed(2)} s`;
}
