import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type {
  RoutingHistoryStore,
  RoutingOutcome,
} from '../../lambdas/stores/routing-history/routing-history.js';

const AT = Date.UTC(2026, 11, 2, 12);
const outcome = (index: number, overrides: Partial<RoutingOutcome> = {}): RoutingOutcome => ({
  candidate: 'db-team',
  requestType: 'incident',
  features: { service: 'checkout', severity: 'p1' },
  success: true,
  durationMs: 120,
  at: AT + index,
  fallback: false,
  ...overrides,
});

/**
 * The routing history contract: every adapter of `RoutingHistoryStore` counts each candidate's requests,
 * successes, time and load, keeps outcomes newest first, counts outcomes since the last training, and keeps
 * the model and only the newest outcomes when a model is saved.
 *
 * @example
 * ```ts
 * describeRoutingHistoryConformance('in-memory', () => new InMemoryRoutingHistory());
 * ```
 */
export function describeRoutingHistoryConformance(name: string, create: () => RoutingHistoryStore): void {
  describe(`${name} routing history conformance`, () => {
    const history = create();
    const router = () => `router-${randomUUID()}`;

    it('knows nothing of a candidate never routed to', async () => {
      const stats = await history.statsOf(router(), ['sre']);
      expect(stats.get('sre')).toEqual({ count: 0, successes: 0, totalDurationMs: 0, inFlight: 0 });
    });

    it('counts a request in flight from begin to finish, and its success and time once finished', async () => {
      const r = router();
      await history.begin(r, 'db-team');
      await history.begin(r, 'db-team');
      expect((await history.statsOf(r, ['db-team'])).get('db-team')?.inFlight).toBe(2);
      await history.finish(r, outcome(1));
      await history.finish(r, outcome(2, { success: false, durationMs: 80 }));
      expect((await history.statsOf(r, ['db-team', 'sre'])).get('db-team')).toEqual({
        count: 2,
        successes: 1,
        totalDurationMs: 200,
        inFlight: 0,
      });
    });

    it('hands back the newest outcomes first, as many as asked, and counts those since the last training', async () => {
      const r = router();
      let untrained = 0;
      for (let i = 0; i < 5; i++)
        untrained = (await history.finish(r, outcome(i, { candidate: `c-${i}` }))).untrained;
      expect(untrained).toBe(5);
      expect((await history.recent(r, 3)).map((one) => one.candidate)).toEqual(['c-4', 'c-3', 'c-2']);
      expect((await history.recent(r, 1))[0]).toEqual(outcome(4, { candidate: 'c-4' }));
    });

    it('keeps the saved model, restarts the untrained count, and keeps only the newest outcomes', async () => {
      const r = router();
      for (let i = 0; i < 6; i++) await history.finish(r, outcome(i, { candidate: `c-${i}` }));
      expect(await history.model(r)).toBeUndefined();
      const model = {
        trainedAt: AT,
        trainedOn: 6,
        candidates: { 'c-1': { 'service=checkout': { count: 1, successes: 1 } } },
      };
      await history.saveModel(r, model, 2);
      expect(await history.model(r)).toEqual(model);
      expect((await history.recent(r, 10)).map((one) => one.candidate)).toEqual(['c-5', 'c-4']);
      expect((await history.finish(r, outcome(7))).untrained).toBe(1);
    });
  });
}
