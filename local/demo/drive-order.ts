import { performance } from 'node:perf_hooks';
import * as z from 'zod';
import { messageOf } from '../../lambdas/contracts/agentbridge-error.js';
import { OrderSagaOutputSchema } from '../../lambdas/contracts/order/order-saga-io.js';
import type { DemoOrder } from './demo-scenario.js';
import { type OrderOutcome, outcomeOfSagaError } from './order-outcome.js';
import type { ExecutionState, OrderSystemTarget } from './order-system-target.js';
import { triggerData } from './trigger-data.js';
import { withDeadline } from './with-deadline.js';

/** How one order went, as the driver saw it (the trace is collected afterwards). */
export interface DrivenOrder {
  readonly outcome: OrderOutcome;
  readonly latencyMs: number;
  /** Epoch ms just before OrderRequested was put on the bus. */
  readonly requestedAt: number;
  readonly problem?: string;
}

/** What a lifecycle execution answers when it ends (`Delivered` / `Ended` states of the ASL). */
const LifecycleOutputSchema = z.object({ state: z.string() });
const LIFECYCLE_ENDINGS: Readonly<Record<string, OrderOutcome>> = {
  delivered: 'delivered',
  cancelled: 'cancelled',
  expired: 'expired',
};

const parseJson = (text: string | undefined): unknown => {
  try {
    return JSON.parse(text ?? 'null');
  } catch {
    return null;
  }
};

const executionProblem = (machine: string, state: ExecutionState): string =>
  `${machine} ${state.status}${state.error === undefined ? '' : `: ${state.error}`}${state.cause === undefined ? '' : ` (${state.cause})`}`;

/**
 * Places one order and takes it as far as the scenario says: waits for the saga; if it placed the order,
 * sends each trigger once the lifecycle waits again, then waits for the lifecycle to end. The latency runs
 * from just before OrderRequested to the moment the final outcome is known. Never throws: a stall or an
 * unexpected error becomes a `broken` outcome with the problem written down.
 *
 * @example
 * ```ts
 * const driven = await driveOrder(target, order, { deadlineMs: 10_000 });
 * ```
 */
export async function driveOrder(
  target: OrderSystemTarget,
  order: DemoOrder,
  options: { readonly deadlineMs: number },
): Promise<DrivenOrder> {
  const { orderId } = order;
  const requestedAt = Date.now();
  const started = performance.now();
  const ended = (outcome: OrderOutcome, problem?: string): DrivenOrder => ({
    outcome,
    latencyMs: performance.now() - started,
    requestedAt,
    ...(problem === undefined ? {} : { problem }),
  });
  const wait = <T>(work: Promise<T>, what: string) => withDeadline(work, options.deadlineMs, orderId, what);
  try {
    await target.placeOrder({
      orderId,
      userId: order.userId,
      items: [...order.items],
      payment: { cardToken: order.cardToken },
    });
    const saga = await wait(target.waitForSaga(orderId), 'its saga to end');
    if (saga.status !== 'SUCCEEDED') return ended('broken', executionProblem('saga', saga));
    const output = OrderSagaOutputSchema.safeParse(parseJson(saga.output));
    if (!output.success) return ended('broken', 'the saga answered an output the demo does not understand');
    if (output.data.outcome === 'failed') return ended(outcomeOfSagaError(output.data.error));
    for (const trigger of order.triggers) {
      const waiting = await wait(target.waitForLifecycle(orderId), `its lifecycle to await ${trigger}`);
      if (waiting.status !== 'RUNNING') break;
      await wait(target.sendTrigger(trigger, triggerData(order, trigger, output.data)), trigger);
    }
    const last = await wait(target.waitForLifecycle(orderId), 'its lifecycle after the last trigger');
    if (last.status === 'RUNNING')
      return ended('unfinished', 'the lifecycle still waits after the last trigger');
    if (last.status !== 'SUCCEEDED') return ended('broken', executionProblem('lifecycle', last));
    const final = LifecycleOutputSchema.safeParse(parseJson(last.output));
    const outcome = final.success ? LIFECYCLE_ENDINGS[final.data.state] : undefined;
    return outcome === undefined
      ? ended('broken', `the lifecycle ended with ${last.output ?? 'no output'}`)
      : ended(outcome);
  } catch (error) {
    return ended('broken', messageOf(error));
  }
}
