import { describe, expect, it } from 'vitest';
import { HierarchicalDecision } from '../../../../lambdas/patterns/hierarchical-decision/hierarchical-decision.js';
import {
  allocateResources,
  operationalDecider,
  optimiseProcess,
  planCapacity,
  prioritiseTasks,
  type ReferenceRequest,
  tacticalDecider,
} from '../../../../lambdas/patterns/hierarchical-decision/reference-deciders.js';

describe('the reference deciders', () => {
  it('grants min(available, required) with full confidence when nothing is short', () => {
    expect(allocateResources({ cpu: 8, mem: 32 }, { cpu: 4, mem: 16 })).toMatchObject({
      data: { allocation: { cpu: 4, mem: 16 }, shortfall: {} },
      confidence: 1,
    });
  });

  it('multiplies the allocation confidence by 0.7 per shortfall', () => {
    const two = allocateResources({ cpu: 2, mem: 8, gpu: 1 }, { cpu: 4, mem: 16, gpu: 1 });
    expect(two.data).toEqual({ allocation: { cpu: 2, mem: 8, gpu: 1 }, shortfall: { cpu: 2, mem: 8 } });
    expect(two.confidence).toBeCloseTo(0.49);
    expect(allocateResources({}, { disk: 5 }).data.allocation).toEqual({ disk: 0 });
  });

  it('orders tasks by urgency × impact, less sure for every tie', () => {
    const distinct = prioritiseTasks([
      { id: 'a', urgency: 1, impact: 2 },
      { id: 'b', urgency: 3, impact: 3 },
    ]);
    expect(distinct).toMatchObject({ data: { order: ['b', 'a'] }, confidence: 0.95 });
    const tied = prioritiseTasks([
      { id: 'y', urgency: 2, impact: 2 },
      { id: 'x', urgency: 4, impact: 1 },
    ]);
    expect(tied.data.order).toEqual(['x', 'y']);
    expect(tied.confidence).toBeCloseTo(0.95 * 0.7);
  });

  it('groups process steps into parallel waves and refuses a cycle', () => {
    expect(
      optimiseProcess([
        { name: 'drain', dependsOn: [] },
        { name: 'snapshot', dependsOn: [] },
        { name: 'restart', dependsOn: ['drain', 'snapshot'] },
      ]).data.waves,
    ).toEqual([['drain', 'snapshot'], ['restart']]);
    expect(() =>
      optimiseProcess([
        { name: 'a', dependsOn: ['b'] },
        { name: 'b', dependsOn: ['a'] },
      ]),
    ).toThrow(/depend on each other/);
  });

  it('plans instances for the forecast peak with 20% headroom, surer with a longer forecast', () => {
    const day = planCapacity(
      Array.from({ length: 24 }, (_, h) => (h === 12 ? 500 : 100)),
      100,
      4,
    );
    expect(day).toMatchObject({ data: { instances: 6, change: 2 }, confidence: 0.95 });
    expect(planCapacity([100], 100, 1).confidence).toBeCloseTo(0.5 + 1 / 48);
  });

  it('has the operational layer decline what is not resource allocation or task prioritisation', async () => {
    const answer = await operationalDecider.decide(
      { decisionType: 'capacity_planning', forecast: [1], perInstance: 1, instances: 1 },
      { layer: 'operational', below: [] },
    );
    expect(answer).toEqual({ declined: true, reason: 'operational does not decide capacity_planning' });
  });

  it('has the tactical layer combine the lower input of a short allocation, halving its doubt', async () => {
    const hierarchy = new HierarchicalDecision<ReferenceRequest, unknown>([
      { name: 'operational', decider: operationalDecider },
      { name: 'tactical', decider: tacticalDecider },
    ]);
    const outcome = await hierarchy.decide({
      decisionType: 'resource_allocation',
      available: { instances: 4 },
      required: { instances: 5 },
    });
    expect(outcome.decidedBy).toBe('tactical');
    expect(outcome.decision.confidence).toBeCloseTo(0.85);
    expect(outcome.decision.data).toEqual({ allocation: { instances: 4 }, shortfall: { instances: 1 } });
    expect(outcome.path.map((step) => [step.layer, step.verdict])).toEqual([
      ['operational', 'escalated'],
      ['tactical', 'decided'],
    ]);
  });

  it('has the tactical layer plan capacity itself after the operational layer declines', async () => {
    const outcome = await new HierarchicalDecision<ReferenceRequest, unknown>([
      { name: 'operational', decider: operationalDecider },
      { name: 'tactical', decider: tacticalDecider },
    ]).decide({
      decisionType: 'capacity_planning',
      forecast: Array(24).fill(250),
      perInstance: 100,
      instances: 2,
    });
    expect(outcome).toMatchObject({ decidedBy: 'tactical', decision: { data: { instances: 3, change: 1 } } });
    expect(outcome.path[0]?.verdict).toBe('declined');
  });

  it('has the tactical layer decline when there is no lower input to combine', async () => {
    const answer = await tacticalDecider.decide(
      { decisionType: 'task_prioritisation', tasks: [] },
      { layer: 'tactical', below: [] },
    );
    expect(answer).toMatchObject({ declined: true });
  });
});
