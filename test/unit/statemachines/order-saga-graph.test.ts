import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STATE_MACHINES } from '../../../lambdas/contracts/state-machines.js';
import { reachableFrom, readAslGraph, uncompensatedCatchPaths } from '../../support/asl-graph.js';

const file = new URL(`../../../${STATE_MACHINES.orderSaga.definitionFile}`, import.meta.url);
const graph = readAslGraph(file);

/**
 * Compensation (refund, release: each followed by OrderFailed), the parked, alarmed, redrivable state, or
 * PublishOrderCompleted, which the StartLifecycle Catch reaches only when the lifecycle exists already: from
 * then on the order's lifecycle holds the charge and the stock (its cancel refunds and releases).
 */
const SAFE = new Set(['RefundPayment', 'ReleaseInventory', 'ParkSaga', 'PublishOrderCompleted']);
/** Counted by walking: every path from a Catch of a state after the charge to where it ends or is safe. */
const catchPaths = (from: Iterable<string>): string[][] => uncompensatedCatchPaths(graph, from, () => false);

interface RetryingState {
  Type: string;
  TimeoutSeconds?: number;
  Retry?: {
    IntervalSeconds?: number;
    MaxAttempts?: number;
    BackoffRate?: number;
    MaxDelaySeconds?: number;
  }[];
}
const states = (
  JSON.parse(readFileSync(file, 'utf8')) as { TimeoutSeconds: number; States: Record<string, RetryingState> }
).States;

/** The longest a state's retries wait in total (full jitter waits at most this). */
const retryWaitSeconds = (state: RetryingState | undefined): number => {
  const retrier = state?.Retry?.[0];
  if (retrier === undefined) return 0;
  let total = 0;
  let interval = retrier.IntervalSeconds ?? 1;
  for (let attempt = 0; attempt < (retrier.MaxAttempts ?? 3); attempt += 1) {
    total += Math.min(interval, retrier.MaxDelaySeconds ?? Number.POSITIVE_INFINITY);
    interval *= retrier.BackoffRate ?? 2;
  }
  return total;
};

describe('order saga graph', () => {
  const afterCharge = [...reachableFrom(graph, 'ChargePayment'), 'ChargePayment'].filter(
    // The parked state's own failure is the last resort: the execution fails (alarmed) with the order id as
    // its name; everything before it must reach compensation or the parked state.
    (name) => name !== 'ParkSaga',
  );

  it('from every state after ChargePayment, every Catch path reaches compensation or the parked state', () => {
    const caught = afterCharge.filter((name) => (graph.States[name]?.Catch ?? []).length > 0);
    expect(caught.sort()).toEqual(
      [
        'ChargePayment',
        'CreateOrder',
        'StartLifecycle',
        'PublishOrderCompleted',
        'RefundPayment',
        'ReleaseInventory',
        'PublishOrderFailed',
      ].sort(),
    );
    expect(uncompensatedCatchPaths(graph, afterCharge, (name) => SAFE.has(name))).toEqual([]);
  });

  it('walks every Catch path after the charge (the count the README reports)', () => {
    const paths = catchPaths(afterCharge);
    expect(paths).toHaveLength(73);
    for (const path of paths)
      expect(
        path.some((name) => SAFE.has(name)),
        path.join(' → '),
      ).toBe(true);
  });

  it('would catch a path that skips compensation (the walk is not vacuous)', () => {
    const broken = structuredClone(graph) as {
      StartAt: string;
      States: Record<string, { Catch?: { Next: string }[] }>;
    };
    const catcher = broken.States.StartLifecycle?.Catch?.[1];
    if (catcher === undefined) throw new Error('StartLifecycle has no second Catch');
    catcher.Next = 'OrderRejected';
    expect(uncompensatedCatchPaths(broken as typeof graph, afterCharge, (name) => SAFE.has(name))).toEqual([
      ['StartLifecycle', 'OrderRejected'],
    ]);
    expect(uncompensatedCatchPaths(graph, afterCharge, (name) => name === 'ParkSaga').length).toBeGreaterThan(
      0,
    );
  });

  it('is an Express workflow whose retry waits fit its 5 minutes with room for the attempts', () => {
    expect(STATE_MACHINES.orderSaga.type).toBe('EXPRESS');
    const machine = JSON.parse(readFileSync(file, 'utf8')) as { TimeoutSeconds: number };
    expect(machine.TimeoutSeconds).toBeLessThanOrEqual(300);
    const forward = ['ValidateUser', 'CheckInventory', 'ReserveInventory', 'ChargePayment', 'CreateOrder'];
    for (const step of forward) expect(retryWaitSeconds(states[step]), step).toBe(1 + 2 + 4);
    for (const step of ['RefundPayment', 'ReleaseInventory'])
      expect(retryWaitSeconds(states[step]), step).toBe(1 + 2 + 4 + 8 + 16 + 30);
    // The longest path: every forward step, StartLifecycle, both compensations, OrderFailed, then parking.
    const longest = [
      ...forward,
      'StartLifecycle',
      'RefundPayment',
      'ReleaseInventory',
      'PublishOrderFailed',
      'ParkSaga',
    ];
    const waits = longest.reduce((sum, step) => sum + retryWaitSeconds(states[step]), 0);
    expect(waits).toBe(194);
    expect(waits).toBeLessThan(machine.TimeoutSeconds);
  });
});
