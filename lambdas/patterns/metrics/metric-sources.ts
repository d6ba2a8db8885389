import type { MetricSource } from './metrics-collector.js';

/**
 * What agents observe between two collections (each response time, each message handled, each error),
 * turned into sources: every observed value as a sample, a count per second, or a share in percent. Each
 * source reads and clears its own counts, so a collection sees only what happened since the previous one.
 *
 * @example
 * ```ts
 * const observed = new MetricObservations();
 * observed.record('ResponseTime', 42); observed.count('Messages'); observed.count('Errors', 0);
 * const sources = { ResponseTime: observed.values('ResponseTime'), ErrorRate: observed.percent('Errors', 'Messages') };
 * ```
 */
export class MetricObservations {
  readonly #values = new Map<string, number[]>();
  readonly #counts = new Map<string, number>();

  /** One observed value (a response time in ms, a queue depth). */
  record(metric: string, value: number): void {
    this.#values.set(metric, [...(this.#values.get(metric) ?? []), value]);
  }

  /** `by` more of something counted (messages handled, errors). */
  count(metric: string, by = 1): void {
    this.#counts.set(metric, (this.#counts.get(metric) ?? 0) + by);
  }

  /** Every value recorded since the last read, each a sample; none is missing data. */
  values(metric: string): MetricSource {
    return () => {
      const values = this.#values.get(metric) ?? [];
      this.#values.delete(metric);
      return values;
    };
  }

  /** The count since the last read per second of `everySeconds` (a message rate). */
  perSecond(metric: string, everySeconds: number): MetricSource {
    return () => this.#take(metric) / everySeconds;
  }

  /** `part` as a percentage of `whole` since the last read (an error rate); nothing when `whole` is 0. */
  percent(part: string, whole: string): MetricSource {
    return () => {
      const [numerator, denominator] = [this.#take(part), this.#take(whole)];
      return denominator === 0 ? undefined : (100 * numerator) / denominator;
    };
  }

  #take(metric: string): number {
    const count = this.#counts.get(metric) ?? 0;
    this.#counts.delete(metric);
    return count;
  }
}

/** The process's resident memory in megabytes (a function's or a container's memory use). */
export const memoryUsedMegabytes =
  (usage: () => { rss: number } = process.memoryUsage): MetricSource =>
  () =>
    Math.round((usage().rss / 1_048_576) * 10) / 10;
