import { AgentbridgeError, messageOf } from '../../contracts/agentbridge-error.js';
import { type Clock, systemClock } from '../../contracts/clock.js';
import type { RoutingHistoryStore } from '../../stores/routing-history/routing-history.js';
import {
  type CandidateScore,
  compatibilityOf,
  rank,
  type ScoringOptions,
  scoreCandidate,
  trainModel,
} from './routing-score.js';

/** A request to route: its type chooses the candidates, its features shape their compatibility. */
export interface RoutingRequest<P> {
  readonly type: string;
  readonly payload: P;
}

export interface SmartRouterOptions<P, R> extends ScoringOptions {
  /** The router's name: containers with the same name share one history. */
  readonly name: string;
  readonly history: RoutingHistoryStore;
  /** The agents that can serve a request of `type`. */
  candidates(type: string): readonly string[];
  /** What compatibility is learnt on, e.g. `{ severity: 'p1', service: 'checkout' }`. */
  features(request: RoutingRequest<P>): Readonly<Record<string, string>>;
  /** Hands the request to a candidate (an agent's `send`) and answers its result. */
  send(candidate: string, request: RoutingRequest<P>): Promise<R>;
  readonly clock?: Clock;
  /** Outcomes after which the model is trained again (default 100), on the newest `trainOn` (1 000), keeping `keep` (500). */
  readonly retrainAfter?: number;
  readonly trainOn?: number;
  readonly keep?: number;
}

/** Where a request went and what came back. */
export interface Routed<R> {
  readonly candidate: string;
  readonly result: R;
  readonly score: number;
  /** Served by the second best after the best failed. */
  readonly fallback: boolean;
  /** Every candidate's score, best first. */
  readonly ranking: readonly CandidateScore[];
}

/** Why routing failed: no candidate for the type, or the best and the second best both failed. */
export class RoutingFailedError extends AgentbridgeError {
  override readonly name = 'RoutingFailedError';
  readonly requestType: string;
  readonly attempts: readonly { readonly candidate: string; readonly error: string }[];

  constructor(
    requestType: string,
    attempts: readonly { candidate: string; error: string }[],
    cause?: unknown,
  ) {
    super(
      attempts.length === 0 ? 'NO_ROUTING_CANDIDATE' : 'ROUTING_FAILED',
      attempts.length === 0
        ? `no candidate serves requests of type ${requestType}`
        : `${requestType}: ${attempts.map((attempt) => `${attempt.candidate} failed (${attempt.error})`).join(', then ')}`,
      { cause },
    );
    this.requestType = requestType;
    this.attempts = attempts;
  }
}

/**
 * Routes each request to the candidate its shared history scores best (see `scoreCandidate`): the request's
 * features are extracted, every candidate for its type scored, the best one sent the request and its outcome
 * recorded; when it fails the second best is tried, marked as a fallback; when both fail, a
 * {@link RoutingFailedError} names each. Every `retrainAfter` outcomes the compatibility model is trained on
 * the newest `trainOn` and the history trimmed to `keep`.
 *
 * @example
 * ```ts
 * const router = new SmartRouter({ name: 'responders', history, candidates: () => ['db-team', 'sre'],
 *   features: (r) => ({ service: r.payload.service }), send: (agent, r) => ctx.send(Page, r.payload, agent) });
 * const { candidate, fallback } = await router.route({ type: 'incident', payload });
 * ```
 */
export class SmartRouter<P, R> {
  readonly #options: SmartRouterOptions<P, R>;
  readonly #clock: Clock;

  /** The router's name, under which its history is shared. */
  readonly name: string;

  constructor(options: SmartRouterOptions<P, R>) {
    this.name = options.name;
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
  }

  /** Every candidate for a request of `type` with `features`, scored, best first. */
  async rank(type: string, features: Readonly<Record<string, string>>): Promise<CandidateScore[]> {
    const { name, history } = this.#options;
    const candidates = [...new Set(this.#options.candidates(type))];
    const [stats, model] = await Promise.all([history.statsOf(name, candidates), history.model(name)]);
    return rank(
      candidates.map((candidate) =>
        scoreCandidate(
          candidate,
          stats.get(candidate) ?? { count: 0, successes: 0, totalDurationMs: 0, inFlight: 0 },
          compatibilityOf(model, candidate, features),
          this.#options,
        ),
      ),
    );
  }

  async route(request: RoutingRequest<P>): Promise<Routed<R>> {
    const features = this.#options.features(request);
    const ranking = await this.rank(request.type, features);
    const attempts: { candidate: string; error: string }[] = [];
    let lastError: unknown;
    for (const [index, choice] of ranking.slice(0, 2).entries()) {
      const fallback = index > 0;
      try {
        const result = await this.#attempt(choice.candidate, request, features, fallback);
        return { candidate: choice.candidate, result, score: choice.score, fallback, ranking };
      } catch (error) {
        attempts.push({ candidate: choice.candidate, error: messageOf(error) });
        lastError = error;
      }
    }
    throw new RoutingFailedError(request.type, attempts, lastError);
  }

  async #attempt(
    candidate: string,
    request: RoutingRequest<P>,
    features: Readonly<Record<string, string>>,
    fallback: boolean,
  ): Promise<R> {
    const { name, history } = this.#options;
    await history.begin(name, candidate);
    const startedAt = this.#clock.now();
    let success = false;
    try {
      const result = await this.#options.send(candidate, request);
      success = true;
      return result;
    } finally {
      const at = this.#clock.now();
      const outcome = {
        candidate,
        requestType: request.type,
        features,
        success,
        durationMs: at - startedAt,
        at,
        fallback,
      };
      const { untrained } = await history.finish(name, outcome);
      if (untrained >= (this.#options.retrainAfter ?? 100)) await this.#retrain();
    }
  }

  async #retrain(): Promise<void> {
    const { name, history } = this.#options;
    const outcomes = await history.recent(name, this.#options.trainOn ?? 1_000);
    await history.saveModel(name, trainModel(outcomes, this.#clock.now()), this.#options.keep ?? 500);
  }
}
