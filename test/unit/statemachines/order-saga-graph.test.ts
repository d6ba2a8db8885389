import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STATE_MACHINES } from '../../../lambdas/contracts/state-machines.js';
import {
  longestRunSeconds,
  reachableFrom,
  readAslGraph,
  uncompensatedCatchPaths,
} from '../../support/asl-graph.js';

const file = new URL(`../../../${STATE_MACHINES.orderSaga.definitionFile}`, import.meta.url);
const graph = readAslGraph(file);
/** The most an Express execution may run (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html). */
const EXPRESS_LIMIT_SECONDS = 300;

/**
 * Compensation (refund, release: each followed by OrderFailed), the parked, alarmed, redrivable state, or
 * PublishOrderCompleted, which the StartLifecycle Catch reaches only when the lifecycle exists already: from
 * then on the order's lifecycle holds the charge and the stock (its cancel refunds and releases).
 */
const SAFE = new Set(['RefundPayment', 'ReleaseInventory', 'ParkSaga', 'PublishOrderCompleted']);
/** Counted by walking: every path from a Catch of a state after the charge to where it ends or is safe. */
const catchPaths = (from: Iterable<string>): string[][] => uncompensatedCatchPaths(graph, from, () => false);

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
        'ConfirmLifecycle',
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
    expect(paths).toHaveLength(96);
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

  it('ends every path from Resume inside the Express limit with a tenth to spare, every attempt timing out and every backoff at its maximum', () => {
    expect(STATE_MACHINES.orderSaga.type).toBe('EXPRESS');
    const machine = JSON.parse(readFileSync(file, 'utf8')) as { TimeoutSeconds?: number };
    // An Express execution that reaches its limit ends TIMED_OUT, which no Catch sees.
    const limit = Math.min(machine.TimeoutSeconds ?? EXPRESS_LIMIT_SECONDS, EXPRESS_LIMIT_SECONDS);
    const tasks = Object.entries(graph.States).filter(([, state]) => state.Type === 'Task');
    for (const [name, state] of tasks) {
      expect(state.TimeoutSeconds, `${name} TimeoutSeconds`).toBeGreaterThan(0);
      for (const retrier of state.Retry ?? [])
        expect(retrier.MaxDelaySeconds, `${name} MaxDelaySeconds`).toBeGreaterThan(0);
    }
    const { seconds, path } = longestRunSeconds(graph, graph.StartAt);
    // The number the README reports: the start fails, the confirmation finds no lifecycle, both compensations
    // and OrderFailed exhaust their retries, and the saga parks.
    expect({ seconds, path: path.join(' → ') }).toEqual({
      seconds: 261,
      path: [
        'Resume',
        'ValidateUser',
        'CheckInventory',
        'ReserveInventory',
        'ChargePayment',
        'CreateOrder',
        'StartLifecycle',
        'FailedAtStartLifecycle',
        'ConfirmLifecycle',
        'CompensateChargeAndReservation',
        'RefundPayment',
        'ReleaseInventory',
        'DescribeFailure',
        'ParseFunctionError',
        'FailureFromFunction',
        'PublishOrderFailed',
        'ParkAtPublishOrderFailed',
        'ForgetPaymentDetails',
        'ParkSaga',
        'SagaParked',
      ].join(' → '),
    });
    expect(seconds).toBeLessThanOrEqual(limit * 0.9);
  });

  it('counts a state without a timeout, or a loop, as unbounded (the bound is not vacuous)', () => {
    const untimed = structuredClone(graph) as {
      StartAt: string;
      States: Record<string, { TimeoutSeconds?: number }>;
    };
    delete untimed.States.RefundPayment?.TimeoutSeconds;
    expect(longestRunSeconds(untimed as typeof graph, 'Resume').seconds).toBe(Number.POSITIVE_INFINITY);
    const looping = structuredClone(graph) as { StartAt: string; States: Record<string, { Next?: string }> };
    const release = looping.States.ReleaseInventory;
    if (release === undefined) throw new Error('no ReleaseInventory');
    release.Next = 'RefundPayment';
    expect(longestRunSeconds(looping as typeof graph, 'Resume').seconds).toBe(Number.POSITIVE_INFINITY);
  });
});
