/**
 * One layer's answer: what it decides (`data`), how sure it is (`confidence`, in [0, 1]) and why. A layer whose
 * confidence is not a number in [0, 1] has failed, not decided.
 */
export interface Decision<D> {
  readonly data: D;
  readonly confidence: number;
  readonly reason: string;
}

/** A decider's "not mine to decide" (a request type it does not handle): the layer escalates, nothing failed. */
export interface Declined {
  readonly declined: true;
  readonly reason: string;
}

/** Declines a request, saying why: `return declined('operational decides resource allocation only')`. */
export const declined = (reason: string): Declined => ({ declined: true, reason });

/** Whether a decider's answer is a decline. */
export const isDeclined = <D>(answer: Decision<D> | Declined): answer is Declined =>
  'declined' in answer && answer.declined === true;

/** What a decider sees besides the request: the steps of the layers below it, in order. */
export interface LayerContext<D> {
  readonly layer: string;
  readonly below: readonly DecisionStep<D>[];
}

/** Decides a request (or declines it); a throw is recorded on the path and the request escalates. */
export interface Decider<R, D> {
  readonly name: string;
  decide(request: R, context: LayerContext<D>): Promise<Decision<D> | Declined> | Decision<D> | Declined;
}

/**
 * One layer of the hierarchy: its decider, and the peers it asks when it is only fairly sure (confidence above
 * `consultAbove` but not above `decideAbove`).
 */
export interface DecisionLayer<R, D> {
  readonly name: string;
  readonly decider: Decider<R, D>;
  readonly peers?: readonly Decider<R, D>[];
}

/** An error as the path records it (it travels over the wire, so as plain text). */
export interface RecordedError {
  readonly name: string;
  readonly code: string;
  readonly message: string;
}

/** What a peer said when asked: its decision's confidence and whether it agreed, its decline, or its error. */
export interface PeerOpinion<D> {
  readonly peer: string;
  readonly decision?: Decision<D>;
  readonly agrees: boolean;
  readonly declined?: string;
  readonly error?: RecordedError;
}

/**
 * How a layer ended: `decided` (confident), `agreed` (its peers' consensus was), `escalated` (not sure enough,
 * passed up), `declined` (not its kind of request), `failed` (its decider threw or answered nonsense),
 * `best-effort` (the top of the hierarchy, answering with what it has).
 */
export type StepVerdict = 'decided' | 'agreed' | 'escalated' | 'declined' | 'failed' | 'best-effort';

/** One layer's record on a decision's path: the input the next layer reads. */
export interface DecisionStep<D> {
  readonly layer: string;
  readonly verdict: StepVerdict;
  readonly decision?: Decision<D>;
  /** The peers asked (empty when the layer did not consult). */
  readonly peers: readonly PeerOpinion<D>[];
  /** The consensus built with the peers, when the layer consulted any. */
  readonly consensus?: Decision<D>;
  readonly declined?: string;
  readonly error?: RecordedError;
}

/** The hierarchy's answer: the decision, which layer gave it, and every layer's step on the way. */
export interface DecisionOutcome<D> {
  readonly decision: Decision<D>;
  readonly decidedBy: string;
  readonly verdict: 'decided' | 'agreed' | 'best-effort';
  readonly path: readonly DecisionStep<D>[];
}

/**
 * When a layer's confidence settles the matter: above `decideAbove` it decides alone; above `consultAbove` it
 * asks its peers, and their consensus decides if it is above `decideAbove`; otherwise it escalates.
 */
export interface DecisionThresholds {
  readonly decideAbove: number;
  readonly consultAbove: number;
}

export const DEFAULT_DECISION_THRESHOLDS: DecisionThresholds = { decideAbove: 0.8, consultAbove: 0.5 };
