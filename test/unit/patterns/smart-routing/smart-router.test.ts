import { describe, expect, it } from 'vitest';
import {
  compatibilityOf,
  rank,
  scoreCandidate,
} from '../../../../lambdas/patterns/smart-routing/routing-score.js';
import {
  type RoutingRequest,
  SmartRouter,
  type SmartRouterOptions,
} from '../../../../lambdas/patterns/smart-routing/smart-router.js';
import { InMemoryRoutingHistory } from '../../../../lambdas/stores/routing-history/in-memory/in-memory-routing-history.js';
import { ManualClock } from '../../../support/manual-clock.js';

interface Incident {
  readonly service: string;
}

const setup = (
  behaviour: (candidate: string, request: RoutingRequest<Incident>) => string | Error,
  options: Partial<SmartRouterOptions<Incident, string>> = {},
) => {
  const clock = new ManualClock(Date.UTC(2026, 11, 2));
  const history = new InMemoryRoutingHistory();
  const sent: string[] = [];
  const router = new SmartRouter<Incident, string>({
    name: 'responders',
    history,
    clock,
    candidates: (type) => (type === 'incident' ? ['sre', 'db-team'] : []),
    features: (request) => ({ service: request.payload.service }),
    send: async (candidate, request) => {
      sent.push(candidate);
      clock.advanceMs(100);
      const answer = behaviour(candidate, request);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    ...options,
  });
  return { router, history, sent, clock };
};
const incident = (service = 'checkout') => ({ type: 'incident', payload: { service } });

describe('scoring a candidate', () => {
  it('weighs history 0.5 (success 0.4, speed 0.3, free capacity 0.3), compatibility 0.3 and free capacity 0.2', () => {
    // 3 of 4 succeeded (smoothed (3+1)/(4+1) = 0.8), 2 s on average of a 10 s scale (0.8), 5 of 10 in flight.
    const scored = scoreCandidate(
      'sre',
      { count: 4, successes: 3, totalDurationMs: 8_000, inFlight: 5 },
      0.6,
    );
    expect(scored.performance).toBeCloseTo(0.8 * 0.4 + 0.8 * 0.3 + 0.5 * 0.3);
    expect(scored.score).toBeCloseTo(0.71 * 0.5 + 0.6 * 0.3 + 0.5 * 0.2);
  });

  it('stays within [0, 1] however slow or loaded a candidate is', () => {
    const slow = scoreCandidate('x', { count: 5, successes: 0, totalDurationMs: 500_000, inFlight: 90 }, 0);
    expect([slow.score, slow.load]).toEqual([expect.closeTo(0.4 * (1 / 6) * 0.5, 5), 1]);
    expect(scoreCandidate('y', { count: 0, successes: 0, totalDurationMs: 0, inFlight: 0 }, 1).score).toBe(1);
  });

  it('gives a candidate with no history the optimistic prior, so a new agent is tried before a known mediocre one', () => {
    const fresh = scoreCandidate('new', { count: 0, successes: 0, totalDurationMs: 0, inFlight: 0 }, 0.5);
    const known = scoreCandidate(
      'old',
      { count: 20, successes: 14, totalDurationMs: 40_000, inFlight: 0 },
      0.5,
    );
    expect(rank([known, fresh]).map((one) => one.candidate)).toEqual(['new', 'old']);
  });

  it('breaks a tie by the candidates’ names, the same in every container', () => {
    const none = { count: 0, successes: 0, totalDurationMs: 0, inFlight: 0 };
    const scores = ['zeta', 'alpha', 'mid'].map((name) => scoreCandidate(name, none, 0.5));
    expect(rank(scores).map((one) => one.candidate)).toEqual(['alpha', 'mid', 'zeta']);
  });

  it('rates compatibility from what the model learnt per feature value, 0.5 where it knows nothing', () => {
    const model = {
      trainedAt: 0,
      trainedOn: 10,
      candidates: { sre: { 'service=db': { count: 8, successes: 0 } } },
    };
    expect(compatibilityOf(model, 'sre', { service: 'db' })).toBeCloseTo(1 / 10);
    expect(compatibilityOf(model, 'sre', { service: 'web' })).toBe(0.5);
    expect(compatibilityOf(undefined, 'db-team', { service: 'db' })).toBe(0.5);
  });
});

describe('a smart router', () => {
  it('sends a request to the best candidate and records its outcome in the shared history', async () => {
    const { router, history, sent } = setup((candidate) => `handled by ${candidate}`);
    const routed = await router.route(incident());
    // Equal scores for two new candidates: the name decides.
    expect([routed.candidate, routed.result, routed.fallback]).toEqual([
      'db-team',
      'handled by db-team',
      false,
    ]);
    expect(sent).toEqual(['db-team']);
    expect((await history.statsOf('responders', ['db-team'])).get('db-team')).toEqual({
      count: 1,
      successes: 1,
      totalDurationMs: 100,
      inFlight: 0,
    });
  });

  it('tries the second best when the best fails, marking it a fallback, and records both outcomes', async () => {
    const { router, history } = setup((candidate) =>
      candidate === 'db-team' ? new Error('pager down') : 'ok',
    );
    const routed = await router.route(incident());
    expect([routed.candidate, routed.fallback]).toEqual(['sre', true]);
    const stats = await history.statsOf('responders', ['db-team', 'sre']);
    expect([stats.get('db-team')?.successes, stats.get('sre')?.successes]).toEqual([0, 1]);
    expect((await history.recent('responders', 2)).map((one) => [one.candidate, one.fallback])).toEqual([
      ['sre', true],
      ['db-team', false],
    ]);
    // The failure counts against db-team: the next request goes to sre first.
    expect((await router.route(incident())).candidate).toBe('sre');
  });

  it('fails clearly, naming each candidate tried, when the best and the second best both fail', async () => {
    const { router } = setup((candidate) => new Error(`${candidate} is unreachable`));
    await expect(router.route(incident())).rejects.toMatchObject({
      name: 'RoutingFailedError',
      code: 'ROUTING_FAILED',
      message: 'incident: db-team failed (db-team is unreachable), then sre failed (sre is unreachable)',
    });
    await expect(router.route({ type: 'invoice', payload: { service: 'x' } })).rejects.toMatchObject({
      code: 'NO_ROUTING_CANDIDATE',
    });
  });

  it('retrains after 100 outcomes by default, and learns which candidate suits which service', async () => {
    // db-team fails every database incident and serves the rest; sre serves everything, slowly.
    const { router, history, clock } = setup((candidate, request) => {
      if (candidate === 'sre') clock.advanceMs(900);
      return candidate === 'db-team' && request.payload.service === 'db' ? new Error('not ours') : 'ok';
    });
    for (let i = 0; i < 99; i++) await router.route(incident('web'));
    expect(await history.model('responders')).toBeUndefined();
    await router.route(incident('web'));
    expect((await history.model('responders'))?.trainedOn).toBe(100);
    // Database incidents now: db-team's failures (each followed by sre as the fallback) teach the model.
    for (let i = 0; i < 120; i++) await router.route(incident('db'));
    expect((await history.model('responders'))?.trainedOn).toBeGreaterThan(100);
    const ranking = await router.rank('incident', { service: 'db' });
    const compatibility = Object.fromEntries(ranking.map((one) => [one.candidate, one.compatibility]));
    expect(compatibility.sre).toBeGreaterThan(0.9);
    // Below the 0.5 of knowing nothing: db-team failed the database incidents it was sent.
    expect(compatibility['db-team']).toBeLessThan(0.5);
    expect((await router.route(incident('db'))).candidate).toBe('sre');
  });

  it('trains on the newest outcomes it is told to and keeps only as many as it is told to', async () => {
    const { router, history } = setup(() => 'ok', { retrainAfter: 10, trainOn: 8, keep: 4 });
    for (let i = 0; i < 10; i++) await router.route(incident());
    expect((await history.model('responders'))?.trainedOn).toBe(8);
    expect(await history.recent('responders', 100)).toHaveLength(4);
  });
});
