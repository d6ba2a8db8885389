/** One routed request's outcome, as the router records it. */
export interface RoutingOutcome {
  readonly candidate: string;
  readonly requestType: string;
  /** The request's features (`severity: p1`, `service: db`), what compatibility is learnt from. */
  readonly features: Readonly<Record<string, string>>;
  readonly success: boolean;
  readonly durationMs: number;
  /** Epoch ms. */
  readonly at: number;
  /** Sent as the second choice after the best candidate failed. */
  readonly fallback: boolean;
}

/** A candidate's history across every container. */
export interface CandidateStats {
  readonly count: number;
  readonly successes: number;
  readonly totalDurationMs: number;
  /** Requests sent to it and not finished yet: its current load. */
  readonly inFlight: number;
}

/**
 * What the router learnt: per candidate, per feature value, how many requests with that value it served and
 * how many succeeded.
 */
export interface CompatibilityModel {
  readonly trainedAt: number;
  readonly trainedOn: number;
  readonly candidates: Readonly<
    Record<string, Readonly<Record<string, { readonly count: number; readonly successes: number }>>>
  >;
}

export const NO_HISTORY: CandidateStats = { count: 0, successes: 0, totalDurationMs: 0, inFlight: 0 };

/**
 * Where a router's performance history lives, shared by every container: per-candidate counters, the
 * recent outcomes the model is trained on, and the model.
 */
export interface RoutingHistoryStore {
  statsOf(router: string, candidates: readonly string[]): Promise<ReadonlyMap<string, CandidateStats>>;
  /** One more request in flight to `candidate`. */
  begin(router: string, candidate: string): Promise<void>;
  /** The request finished: counted, its outcome kept; answers how many outcomes arrived since the last training. */
  finish(router: string, outcome: RoutingOutcome): Promise<{ readonly untrained: number }>;
  /** The newest `limit` outcomes, newest first. */
  recent(router: string, limit: number): Promise<RoutingOutcome[]>;
  /** Keeps the model, starts counting untrained outcomes from zero, and keeps only the newest `keep` outcomes. */
  saveModel(router: string, model: CompatibilityModel, keep: number): Promise<void>;
  model(router: string): Promise<CompatibilityModel | undefined>;
}
