import {
  type CandidateStats,
  type CompatibilityModel,
  NO_HISTORY,
  type RoutingHistoryStore,
  type RoutingOutcome,
} from '../routing-history.js';

interface RouterRecord {
  stats: Map<string, CandidateStats>;
  outcomes: RoutingOutcome[];
  untrained: number;
  model: CompatibilityModel | undefined;
}

/**
 * A router's history in one process (tests, the in-process runtime), with the DynamoDB adapter's semantics.
 *
 * @example
 * ```ts
 * const router = new SmartRouter({ name: 'responders', history: new InMemoryRoutingHistory(), ... });
 * ```
 */
export class InMemoryRoutingHistory implements RoutingHistoryStore {
  readonly #routers = new Map<string, RouterRecord>();

  #router(router: string): RouterRecord {
    let record = this.#routers.get(router);
    if (record === undefined) {
      record = { stats: new Map(), outcomes: [], untrained: 0, model: undefined };
      this.#routers.set(router, record);
    }
    return record;
  }

  async statsOf(router: string, candidates: readonly string[]): Promise<ReadonlyMap<string, CandidateStats>> {
    const { stats } = this.#router(router);
    return new Map(candidates.map((candidate) => [candidate, { ...(stats.get(candidate) ?? NO_HISTORY) }]));
  }

  async begin(router: string, candidate: string): Promise<void> {
    const { stats } = this.#router(router);
    const current = stats.get(candidate) ?? NO_HISTORY;
    stats.set(candidate, { ...current, inFlight: current.inFlight + 1 });
  }

  async finish(router: string, outcome: RoutingOutcome): Promise<{ readonly untrained: number }> {
    const record = this.#router(router);
    const current = record.stats.get(outcome.candidate) ?? NO_HISTORY;
    record.stats.set(outcome.candidate, {
      count: current.count + 1,
      successes: current.successes + (outcome.success ? 1 : 0),
      totalDurationMs: current.totalDurationMs + outcome.durationMs,
      inFlight: Math.max(0, current.inFlight - 1),
    });
    record.outcomes.push(structuredClone(outcome));
    record.untrained += 1;
    return { untrained: record.untrained };
  }

  async recent(router: string, limit: number): Promise<RoutingOutcome[]> {
    return this.#router(router)
      .outcomes.slice(-limit)
      .reverse()
      .map((outcome) => structuredClone(outcome));
  }

  async saveModel(router: string, model: CompatibilityModel, keep: number): Promise<void> {
    const record = this.#router(router);
    record.model = structuredClone(model);
    record.untrained = 0;
    record.outcomes = record.outcomes.slice(-keep);
  }

  async model(router: string): Promise<CompatibilityModel | undefined> {
    const { model } = this.#router(router);
    return model === undefined ? undefined : structuredClone(model);
  }
}
