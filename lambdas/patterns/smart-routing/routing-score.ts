import type {
  CandidateStats,
  CompatibilityModel,
  RoutingOutcome,
} from '../../stores/routing-history/routing-history.js';

/** How a candidate is scored; every field has the documented default. */
export interface ScoringOptions {
  /** Requests a candidate handles at once; its load is `inFlight / capacity`, at most 1. Default 10. */
  readonly capacity?: number;
  /** The response time that scores 0 (and above); 0 ms scores 1. Default 10 000 ms. */
  readonly slowMs?: number;
}

/** One candidate's score and what it is made of, for the routing record. */
export interface CandidateScore {
  readonly candidate: string;
  readonly score: number;
  readonly performance: number;
  readonly compatibility: number;
  readonly load: number;
}

const clamp = (value: number): number => Math.max(0, Math.min(1, value));

/**
 * A candidate's score in [0, 1]: its history (success rate × 0.4, speed × 0.3, free capacity × 0.3) × 0.5,
 * its compatibility with the request's features × 0.3, and its free capacity now × 0.2. A candidate with no
 * history gets the optimistic prior — one imagined success at no time, so a success rate and a speed of 1 —
 * which puts a new agent first until its own outcomes say otherwise.
 */
export function scoreCandidate(
  candidate: string,
  stats: CandidateStats,
  compatibility: number,
  options: ScoringOptions = {},
): CandidateScore {
  const successRate = (stats.successes + 1) / (stats.count + 1);
  const averageMs = stats.count === 0 ? 0 : stats.totalDurationMs / stats.count;
  const speed = clamp(1 - averageMs / (options.slowMs ?? 10_000));
  const load = clamp(stats.inFlight / (options.capacity ?? 10));
  const performance = successRate * 0.4 + speed * 0.3 + (1 - load) * 0.3;
  const score = clamp(performance * 0.5 + compatibility * 0.3 + (1 - load) * 0.2);
  return { candidate, score, performance, compatibility, load };
}

/** Best first; equal scores in the candidates' name order, so every container picks the same one. */
export function rank(scores: readonly CandidateScore[]): CandidateScore[] {
  return [...scores].sort(
    (a, b) => b.score - a.score || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0),
  );
}

/**
 * How well `candidate` suits a request with `features`: the mean, over the features, of its smoothed success
 * rate on requests with the same value ((successes + 1) / (count + 2)); 0.5 where the model knows nothing.
 */
export function compatibilityOf(
  model: CompatibilityModel | undefined,
  candidate: string,
  features: Readonly<Record<string, string>>,
): number {
  const entries = Object.entries(features);
  if (entries.length === 0) return 0.5;
  const learnt = model?.candidates[candidate] ?? {};
  const rates = entries.map(([name, value]) => {
    const seen = learnt[`${name}=${value}`];
    return seen === undefined ? 0.5 : (seen.successes + 1) / (seen.count + 2);
  });
  return rates.reduce((sum, rate) => sum + rate, 0) / rates.length;
}

/** A model learnt from outcomes: per candidate and feature value, requests served and succeeded. */
export function trainModel(outcomes: readonly RoutingOutcome[], now: number): CompatibilityModel {
  const candidates: Record<string, Record<string, { count: number; successes: number }>> = {};
  for (const outcome of outcomes) {
    const learnt = candidates[outcome.candidate] ?? {};
    candidates[outcome.candidate] = learnt;
    for (const [name, value] of Object.entries(outcome.features)) {
      const key = `${name}=${value}`;
      const seen = learnt[key] ?? { count: 0, successes: 0 };
      learnt[key] = { count: seen.count + 1, successes: seen.successes + (outcome.success ? 1 : 0) };
    }
  }
  return { trainedAt: now, trainedOn: outcomes.length, candidates };
}
