import { describe, expect, it } from 'vitest';
import {
  type Decider,
  type DecisionLayer,
  type DecisionStep,
  declined,
} from '../../../../lambdas/patterns/hierarchical-decision/decision.js';
import { DecisionOutcomeSchema } from '../../../../lambdas/patterns/hierarchical-decision/decision-schema.js';
import { HierarchicalDecision } from '../../../../lambdas/patterns/hierarchical-decision/hierarchical-decision.js';
import {
  InvalidDecisionHierarchyError,
  NoLayerCouldDecideError,
} from '../../../../lambdas/patterns/hierarchical-decision/hierarchical-decision-error.js';

type Request = { readonly ask: string };

/** A decider answering `data` with `confidence`, remembering what it saw below it. */
function decider(name: string, data: string, confidence: number) {
  const seen: DecisionStep<string>[][] = [];
  const d: Decider<Request, string> = {
    name,
    decide: (_request, { below }) => {
      seen.push([...below]);
      return { data, confidence, reason: `${name} thinks ${data}` };
    },
  };
  return Object.assign(d, { seen });
}

const throwing = (name: string): Decider<Request, string> => ({
  name,
  decide: () => {
    throw new Error(`${name} is down`);
  },
});

const layer = (name: string, d: Decider<Request, string>, peers?: Decider<Request, string>[]) =>
  ({ name, decider: d, ...(peers === undefined ? {} : { peers }) }) satisfies DecisionLayer<Request, string>;

const request = { ask: 'scale checkout' };

describe('HierarchicalDecision', () => {
  it('returns the operational decision when its confidence is above 0.8, asking no one above it', async () => {
    const tactical = decider('tactical', 'plan', 0.99);
    const hierarchy = new HierarchicalDecision([
      layer('operational', decider('operational', 'grant', 0.9)),
      layer('tactical', tactical),
    ]);
    const outcome = await hierarchy.decide(request);
    expect(outcome).toMatchObject({
      decidedBy: 'operational',
      verdict: 'decided',
      decision: { data: 'grant' },
    });
    expect(outcome.path).toEqual([
      expect.objectContaining({ layer: 'operational', verdict: 'decided', peers: [] }),
    ]);
    expect(tactical.seen).toEqual([]);
  });

  it('asks the peers when the confidence is 0.7 and returns their consensus when they agree', async () => {
    const hierarchy = new HierarchicalDecision([
      layer('operational', decider('operational', 'grant', 0.7), [
        decider('peer-a', 'grant', 0.9),
        decider('peer-b', 'grant', 0.95),
      ]),
      layer('tactical', decider('tactical', 'plan', 0.99)),
    ]);
    const outcome = await hierarchy.decide(request);
    expect(outcome.verdict).toBe('agreed');
    expect(outcome.decidedBy).toBe('operational');
    expect(outcome.decision.data).toBe('grant');
    expect(outcome.decision.confidence).toBeCloseTo((0.7 + 0.9 + 0.95) / 3);
    expect(outcome.path[0]?.peers.map(({ peer, agrees }) => [peer, agrees])).toEqual([
      ['peer-a', true],
      ['peer-b', true],
    ]);
  });

  it('escalates to the tactical layer when the operational confidence is 0.6 and peers disagree, recording its input', async () => {
    const tactical = decider('tactical', 'plan', 0.85);
    const hierarchy = new HierarchicalDecision([
      layer('operational', decider('operational', 'grant', 0.6), [
        decider('peer-a', 'deny', 0.9),
        throwing('peer-b'),
      ]),
      layer('tactical', tactical),
    ]);
    const outcome = await hierarchy.decide(request);
    expect(outcome).toMatchObject({ decidedBy: 'tactical', verdict: 'decided', decision: { data: 'plan' } });
    const [operational] = outcome.path;
    expect(operational).toMatchObject({
      layer: 'operational',
      verdict: 'escalated',
      decision: { data: 'grant', confidence: 0.6 },
      peers: [
        { peer: 'peer-a', agrees: false, decision: { data: 'deny' } },
        { peer: 'peer-b', agrees: false, error: { code: 'DECIDER_FAILED', message: 'peer-b is down' } },
      ],
    });
    expect(operational?.consensus?.confidence).toBeCloseTo(0.9 / 3);
    expect(tactical.seen).toEqual([[operational]]);
  });

  it('escalates without consulting when the confidence is 0.5 or less', async () => {
    const peer = decider('peer', 'grant', 1);
    const hierarchy = new HierarchicalDecision([
      layer('operational', decider('operational', 'grant', 0.5), [peer]),
      layer('tactical', decider('tactical', 'plan', 0.9)),
    ]);
    const outcome = await hierarchy.decide(request);
    expect(outcome.decidedBy).toBe('tactical');
    expect(outcome.path[0]).toMatchObject({ verdict: 'escalated', peers: [] });
    expect(peer.seen).toEqual([]);
  });

  it('records a layer that throws and escalates past it', async () => {
    const hierarchy = new HierarchicalDecision([
      layer('operational', throwing('operational')),
      layer('tactical', decider('tactical', 'plan', 0.9)),
    ]);
    const outcome = await hierarchy.decide(request);
    expect(outcome.decidedBy).toBe('tactical');
    expect(outcome.path[0]).toMatchObject({
      layer: 'operational',
      verdict: 'failed',
      error: { name: 'Error', code: 'DECIDER_FAILED', message: 'operational is down' },
    });
  });

  it('records a confidence outside [0, 1] as the layer’s INVALID_DECISION error and escalates', async () => {
    const hierarchy = new HierarchicalDecision([
      layer('operational', decider('operational', 'grant', 1.5)),
      layer('tactical', decider('tactical', 'plan', 0.9)),
    ]);
    const outcome = await hierarchy.decide(request);
    expect(outcome.decidedBy).toBe('tactical');
    expect(outcome.path[0]).toMatchObject({ verdict: 'failed', error: { code: 'INVALID_DECISION' } });
  });

  it('returns the top layer’s best effort when no layer is sure', async () => {
    const hierarchy = new HierarchicalDecision([
      layer('operational', decider('operational', 'grant', 0.3)),
      layer('tactical', decider('tactical', 'plan', 0.4)),
      layer('strategic', decider('strategic', 'invest', 0.2)),
    ]);
    const outcome = await hierarchy.decide(request);
    expect(outcome).toMatchObject({
      decidedBy: 'strategic',
      verdict: 'best-effort',
      decision: { data: 'invest' },
    });
    expect(outcome.path.map((step) => [step.layer, step.verdict, step.decision?.confidence])).toEqual([
      ['operational', 'escalated', 0.3],
      ['tactical', 'escalated', 0.4],
      ['strategic', 'best-effort', 0.2],
    ]);
  });

  it('falls back to the surest lower decision as best effort when the top layer fails', async () => {
    const hierarchy = new HierarchicalDecision([
      layer('operational', decider('operational', 'grant', 0.45)),
      layer('tactical', decider('tactical', 'plan', 0.3)),
      layer('strategic', throwing('strategic')),
    ]);
    const outcome = await hierarchy.decide(request);
    expect(outcome).toMatchObject({
      decidedBy: 'operational',
      verdict: 'best-effort',
      decision: { data: 'grant' },
    });
    expect(outcome.path[2]).toMatchObject({ verdict: 'failed' });
  });

  it('raises NO_LAYER_COULD_DECIDE with every layer’s step when all decline or fail', async () => {
    const hierarchy = new HierarchicalDecision([
      layer('operational', { name: 'operational', decide: () => declined('not a resource request') }),
      layer('tactical', throwing('tactical')),
    ]);
    const error = await hierarchy.decide(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoLayerCouldDecideError);
    expect(error).toMatchObject({
      code: 'NO_LAYER_COULD_DECIDE',
      transient: false,
      path: [
        { layer: 'operational', verdict: 'declined', declined: 'not a resource request' },
        { layer: 'tactical', verdict: 'failed', error: { message: 'tactical is down' } },
      ],
    });
    expect((error as Error).message).toContain('operational declined: not a resource request');
  });

  it('hands the path to the next layer up when one is given, instead of answering best effort', async () => {
    const hierarchy = new HierarchicalDecision([layer('operational', decider('operational', 'grant', 0.3))]);
    const outcome = await hierarchy.decide(request, {
      escalate: async (_request, path) => ({
        decision: { data: 'from above', confidence: 0.9, reason: 'tactical' },
        decidedBy: 'tactical',
        verdict: 'decided',
        path: [...path, { layer: 'tactical', verdict: 'decided', peers: [] }],
      }),
    });
    expect(outcome.decidedBy).toBe('tactical');
    expect(outcome.path.map((step) => step.layer)).toEqual(['operational', 'tactical']);
  });

  it('continues a path a lower layer sent up, so the layer sees that layer’s input', async () => {
    const tactical = decider('tactical', 'plan', 0.9);
    const below: DecisionStep<string> = {
      layer: 'operational',
      verdict: 'escalated',
      decision: { data: 'grant', confidence: 0.4, reason: 'short' },
      peers: [],
    };
    const outcome = await new HierarchicalDecision([layer('tactical', tactical)]).decide(request, {
      path: [below],
    });
    expect(tactical.seen).toEqual([[below]]);
    expect(DecisionOutcomeSchema.parse(outcome).path.map((step) => step.layer)).toEqual([
      'operational',
      'tactical',
    ]);
  });

  it('decides with configured thresholds', async () => {
    const layers = [
      layer('operational', decider('operational', 'grant', 0.75)),
      layer('tactical', decider('tactical', 'plan', 0.95)),
    ];
    const strict = await new HierarchicalDecision(layers).decide(request);
    const lenient = await new HierarchicalDecision(layers, {
      thresholds: { decideAbove: 0.7, consultAbove: 0.4 },
    }).decide(request);
    expect([strict.decidedBy, lenient.decidedBy]).toEqual(['tactical', 'operational']);
  });

  it.each([
    [{ decideAbove: 0.4, consultAbove: 0.6 }],
    [{ decideAbove: 1.2 }],
    [{ consultAbove: -0.1 }],
    [{ decideAbove: Number.NaN }],
  ])('refuses the thresholds %j with INVALID_DECISION_HIERARCHY', (thresholds) => {
    expect(
      () => new HierarchicalDecision([layer('operational', decider('o', 'x', 1))], { thresholds }),
    ).toThrow(InvalidDecisionHierarchyError);
  });

  it('refuses a hierarchy with no layers or two layers of one name', () => {
    expect(() => new HierarchicalDecision<Request, string>([])).toThrow(/at least one layer/);
    expect(
      () =>
        new HierarchicalDecision([
          layer('operational', decider('a', 'x', 1)),
          layer('operational', decider('b', 'x', 1)),
        ]),
    ).toThrow(/two layers are named operational/);
  });

  it('counts decisions with the same data in another key order as one when peers vote', async () => {
    const object = (name: string, data: Record<string, number>, confidence: number) =>
      ({ name, decide: () => ({ data, confidence, reason: name }) }) satisfies Decider<
        Request,
        Record<string, number>
      >;
    const outcome = await new HierarchicalDecision([
      {
        name: 'operational',
        decider: object('own', { cpu: 2, mem: 4 }, 0.7),
        peers: [object('p', { mem: 4, cpu: 2 }, 1)],
      },
    ]).decide(request);
    expect(outcome.verdict).toBe('agreed');
    expect(outcome.path[0]?.peers[0]?.agrees).toBe(true);
  });
});
