import { describe, expect, it } from 'vitest';
import { reachableFrom, readAslGraph, uncompensatedCatchPaths } from '../../support/asl-graph.js';

const graph = readAslGraph(new URL('../../../statemachines/order-lifecycle.asl.json', import.meta.url));

/**
 * The lifecycle runs after the saga's charge: while the order is created or paid, charge and stock are held.
 * AwaitProcessing's task enters paid (record, publish, start processing) before it parks.
 */
const HOLDING = ['AwaitPayment', 'AwaitProcessing'];
/** From processing on (AwaitShipment's task enters it) the goods are committed: a failure parks the execution. */
const COMMITTED = [...reachableFrom(graph, 'AwaitShipment'), 'AwaitShipment'];
const PARKED = new Set(['LifecycleParked', 'CompensationParked']);
const taskStates = (names: Iterable<string>) =>
  [...names].filter((name) => graph.States[name]?.Type === 'Task');

describe('order-lifecycle failure paths', () => {
  it('has a Catch on every Task, and each names a state of the definition', () => {
    for (const name of taskStates(Object.keys(graph.States))) {
      const catches = graph.States[name]?.Catch ?? [];
      expect(catches.length, name).toBeGreaterThan(0);
      for (const handler of catches)
        expect(graph.States[handler.Next], `${name} → ${handler.Next}`).toBeDefined();
    }
  });

  it('refunds and releases (or parks) on every Catch path while the charge and stock are held', () => {
    const compensated = (name: string) => name === 'RefundOrder' || PARKED.has(name);
    expect(uncompensatedCatchPaths(graph, HOLDING, compensated)).toEqual([]);
  });

  it('ends every Catch path from processing on in a final state change or a parked, alarmed state', () => {
    // Expiry records and publishes the final state without a refund.
    const settled = (name: string) => name === 'RecordEnding' || PARKED.has(name);
    expect(uncompensatedCatchPaths(graph, taskStates(COMMITTED), settled)).toEqual([]);
  });

  it('parks a failed compensation instead of ending the execution quietly', () => {
    const compensation = ['RefundOrder', 'ReleaseOrderStock', 'RecordEnding', 'PublishEnding'];
    expect(uncompensatedCatchPaths(graph, compensation, (name) => PARKED.has(name))).toEqual([]);
    for (const name of PARKED) expect(graph.States[name]?.Type).toBe('Fail');
  });

  it('walks every Task of the definition in one of those groups', () => {
    const walked = new Set([
      ...HOLDING,
      ...COMMITTED,
      'RefundOrder',
      'ReleaseOrderStock',
      'RecordEnding',
      'PublishEnding',
    ]);
    expect(taskStates(Object.keys(graph.States)).filter((name) => !walked.has(name))).toEqual([]);
  });
});
