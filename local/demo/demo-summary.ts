import { ORDER_OUTCOMES, type OrderOutcome } from './order-outcome.js';
import { type OrderRun, runAsExpected } from './order-run.js';
import { percentile } from './percentile.js';

/** Latency percentiles of a group of orders, in ms (absent for an empty group). */
export interface LatencyStats {
  readonly p50?: number;
  readonly p99?: number;
  readonly max?: number;
}

export interface OutcomeCount {
  readonly outcome: OrderOutcome;
  /** Orders that ended this way. */
  readonly actual: number;
  /** Orders the scenario says end this way. */
  readonly expected: number;
  /** Over the orders that ended this way. */
  readonly latency: LatencyStats;
}

export interface Mismatch {
  readonly orderId: string;
  readonly expected: OrderOutcome;
  readonly actual: OrderOutcome;
  readonly problem?: string;
}

/** What the summary prints, and what `npm start` decides its exit code from (`mismatches`). */
export interface DemoSummary {
  readonly orders: number;
  /** One row per outcome that was expected or happened, in the order of {@link ORDER_OUTCOMES}. */
  readonly outcomes: readonly OutcomeCount[];
  /** Over every order: OrderRequested → final outcome. */
  readonly latency: LatencyStats;
  readonly mismatches: readonly Mismatch[];
  /** Compensating steps that ran (saga refunds and releases, the lifecycle's on cancellation). */
  readonly compensations: number;
  readonly notifications: number;
  readonly rejectedTriggers: number;
}

const stats = (values: readonly number[]): LatencyStats => {
  const p50 = percentile(values, 50);
  const p99 = percentile(values, 99);
  const max = percentile(values, 100);
  return {
    ...(p50 === undefined ? {} : { p50 }),
    ...(p99 === undefined ? {} : { p99 }),
    ...(max === undefined ? {} : { max }),
  };
};

const count = (runs: readonly OrderRun[], matches: (event: OrderRun['events'][number]) => boolean): number =>
  runs.reduce((total, run) => total + run.events.filter(matches).length, 0);

/**
 * Counts by outcome against the scenario's expectations, nearest-rank p50/p99 latencies, and the orders
 * that did not end as expected.
 *
 * @example
 * ```ts
 * const summary = summarizeRuns(runs);
 * if (summary.mismatches.length > 0) process.exitCode = 1;
 * ```
 */
export function summarizeRuns(runs: readonly OrderRun[]): DemoSummary {
  const outcomes = ORDER_OUTCOMES.map((outcome): OutcomeCount => {
    const ended = runs.filter((run) => run.outcome === outcome);
    return {
      outcome,
      actual: ended.length,
      expected: runs.filter((run) => run.order.expected === outcome).length,
      latency: stats(ended.map((run) => run.latencyMs)),
    };
  }).filter((row) => row.actual > 0 || row.expected > 0);
  const mismatches = runs
    .filter((run) => !runAsExpected(run))
    .map(
      (run): Mismatch => ({
        orderId: run.order.orderId,
        expected: run.order.expected,
        actual: run.outcome,
        ...(run.problem === undefined ? {} : { problem: run.problem }),
      }),
    );
  return {
    orders: runs.length,
    outcomes,
    latency: stats(runs.map((run) => run.latencyMs)),
    mismatches,
    compensations: count(
      runs,
      (event) => event.kind === 'step' && event.role === 'compensation' && event.status === 'ok',
    ),
    notifications: count(runs, (event) => event.kind === 'notification'),
    rejectedTriggers: count(runs, (event) => event.kind === 'rejected'),
  };
}
