import type { DemoOrder } from './demo-scenario.js';
import type { OrderOutcome } from './order-outcome.js';
import type { TraceEvent } from './trace-event.js';

/** One order, run: how it ended, how long that took, and everything observed on the way. */
export interface OrderRun {
  readonly order: DemoOrder;
  /** The customer's name, or the user id when the user is unknown. */
  readonly customer: string;
  readonly outcome: OrderOutcome;
  /** From OrderRequested to the final outcome (the saga's failure, or the lifecycle's last state). */
  readonly latencyMs: number;
  /** When OrderRequested was put on the bus (epoch ms): the trace's time zero. */
  readonly requestedAt: number;
  readonly events: readonly TraceEvent[];
  /** The types of the order's domain events the outbox published (OrderCreated, OrderPaid, …), in stream order. */
  readonly domainEvents?: readonly string[];
  /** What went wrong driving the order (a stall, an unexpected error), when something did. */
  readonly problem?: string;
}

/**
 * The run ended as the scenario says it should (and nothing went wrong driving it).
 *
 * @example
 * ```ts
 * const failures = runs.filter((run) => !runAsExpected(run));
 * ```
 */
export const runAsExpected = (run: OrderRun): boolean =>
  run.problem === undefined && run.outcome === run.order.expected;
