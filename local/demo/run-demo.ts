import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import type { DemoScenario } from './demo-scenario.js';
import { type DemoSummary, summarizeRuns } from './demo-summary.js';
import { driveOrder } from './drive-order.js';
import type { OrderRun } from './order-run.js';
import type { OrderSystemTarget } from './order-system-target.js';
import { orderTrace } from './order-trace.js';

/** Everything `npm start` prints: each order's run with its trace, the summary, and how long it all took. */
export interface DemoReport {
  readonly target: string;
  readonly runs: readonly OrderRun[];
  readonly summary: DemoSummary;
  /** From the first OrderRequested to the last final outcome. */
  readonly wallMs: number;
}

export interface RunDemoOptions {
  /** The longest the demo waits for any one step of an order (saga end, next wait). Default 10 s. */
  readonly deadlineMs?: number;
  /**
   * Milliseconds between two orders' OrderRequested (orders arrive one after another and overlap, as on a
   * shop). 0 places them all at once. Default 10.
   */
  readonly arrivalGapMs?: number;
}

/**
 * Seeds the target with the scenario's users and stock, places every order at once and drives each through
 * its triggers, then collects each order's trace and summarises. Closing the target is the caller's job.
 *
 * @example
 * ```ts
 * const target = await InProcessTarget.start();
 * try {
 *   const report = await runDemo(target, demoScenario());
 * } finally {
 *   await target.close();
 * }
 * ```
 */
export async function runDemo(
  target: OrderSystemTarget,
  scenario: DemoScenario,
  options: RunDemoOptions = {},
): Promise<DemoReport> {
  for (const product of scenario.products) {
    if (product.stock > 0) await target.restock(product.sku, product.stock);
  }
  for (const user of scenario.users) await target.addUser(user);
  const deadlineMs = options.deadlineMs ?? 10_000;
  const arrivalGapMs = options.arrivalGapMs ?? 10;
  const started = performance.now();
  const driven = await Promise.all(
    scenario.orders.map(async (order, index) => {
      await delay(index * arrivalGapMs);
      return { order, ...(await driveOrder(target, order, { deadlineMs })) };
    }),
  );
  const wallMs = performance.now() - started;
  const runs = await Promise.all(
    driven.map(async ({ order, ...outcome }): Promise<OrderRun> => {
      const customer = scenario.users.find((user) => user.userId === order.userId)?.name ?? order.userId;
      const observed = await target.observe(order.orderId);
      const events = orderTrace(observed);
      // Time zero of the trace is OrderRequested on the bus, when it was seen there.
      const requestedAt = events.find((event) => event.kind === 'requested')?.at ?? outcome.requestedAt;
      const { domainEvents } = observed;
      return { order, customer, ...outcome, requestedAt, events, ...(domainEvents ? { domainEvents } : {}) };
    }),
  );
  return { target: target.name, runs, summary: summarizeRuns(runs), wallMs };
}
