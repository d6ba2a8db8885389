/**
 * The desk's decision layers on the local cloud (or wherever AGENTBRIDGE_E2E_TARGET points), through AWS APIs:
 * a DecideCapacity request invokes the operational layer's function; what it cannot settle it sends up to the
 * tactical and strategic layers' functions, and the answer carries the whole path.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DecisionOutcome } from '../../../lambdas/patterns/hierarchical-decision/decision.js';
import { type OpsDesk, openOpsDesk, type SendAnswer, sendRequestOf } from '../../support/ops-desk-cloud.js';

/** A `send` of DecideCapacity as another agent's runtime invokes the function. */
const decideCapacity = (available: Record<string, number>, required: Record<string, number>) => {
  const incidentId = `inc-${randomUUID().slice(0, 8)}`;
  return sendRequestOf('decide-operational', incidentId, 'DecideCapacity', {
    incidentId,
    service: 'checkout',
    available,
    required,
  });
};

type SendResponse = SendAnswer<DecisionOutcome<unknown>>;

describe('the desk’s decision layers, deployed', () => {
  let desk: OpsDesk;

  beforeAll(async () => {
    desk = await openOpsDesk(inject('dynamodbEndpoint'));
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
  });

  it('has the operational layer grant a request its pool covers with headroom, asking no one', async () => {
    const response = await desk.invoke<SendResponse>(
      'decide-operational',
      decideCapacity({ instances: 10, vcpu: 40 }, { instances: 2, vcpu: 8 }),
    );
    expect(response).toMatchObject({
      ok: true,
      result: {
        decidedBy: 'operational',
        verdict: 'decided',
        decision: { confidence: 1, data: { allocation: { instances: 2, vcpu: 8 }, shortfall: {} } },
      },
    });
    expect(response.result?.path.map((step) => [step.layer, step.verdict])).toEqual([
      ['operational', 'decided'],
    ]);
  });

  it('escalates a request short of one instance to the tactical layer when its headroom peer doubts the grant', async () => {
    const response = await desk.invoke<SendResponse>(
      'decide-operational',
      decideCapacity({ instances: 4 }, { instances: 5 }),
    );
    expect(response.ok).toBe(true);
    const outcome = response.result;
    expect(outcome).toMatchObject({ decidedBy: 'tactical', verdict: 'decided' });
    expect(outcome?.decision.confidence).toBeCloseTo(0.85);
    const [operational, tactical] = outcome?.path ?? [];
    expect(operational).toMatchObject({
      layer: 'operational',
      verdict: 'escalated',
      decision: { confidence: 0.7 },
      peers: [{ peer: 'headroom', agrees: true, decision: { confidence: 0.3 } }],
      consensus: { confidence: 0.5 },
    });
    expect(tactical).toMatchObject({ layer: 'tactical', verdict: 'decided' });
  });

  it('takes a request short on two resources up to the strategic layer, which funds the expansion', async () => {
    const response = await desk.invoke<SendResponse>(
      'decide-operational',
      decideCapacity({ instances: 4, vcpu: 16 }, { instances: 6, vcpu: 24 }),
    );
    expect(response.result).toMatchObject({
      decidedBy: 'strategic',
      verdict: 'decided',
      decision: { data: { allocation: { instances: 6, vcpu: 24 }, expand: { instances: 2, vcpu: 8 } } },
    });
    expect(response.result?.path.map((step) => [step.layer, step.verdict])).toEqual([
      ['operational', 'escalated'],
      ['tactical', 'escalated'],
      ['strategic', 'decided'],
    ]);
  });
});
