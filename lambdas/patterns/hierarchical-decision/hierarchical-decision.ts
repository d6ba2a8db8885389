import {
  DEFAULT_DECISION_THRESHOLDS,
  type Decision,
  type DecisionLayer,
  type DecisionOutcome,
  type DecisionStep,
  type DecisionThresholds,
} from './decision.js';
import { InvalidDecisionHierarchyError, NoLayerCouldDecideError } from './hierarchical-decision-error.js';
import { canonicalKey, type DecisionKey, runLayer } from './run-layer.js';

/** How a hierarchy decides: its thresholds, and which decisions count as the same when peers vote. */
export interface HierarchicalDecisionOptions<D> {
  readonly thresholds?: Partial<DecisionThresholds>;
  readonly decisionKey?: DecisionKey<D>;
}

/** Where one `decide` call starts and what lies above its layers. */
export interface DecideOptions<R, D> {
  /** The steps of the layers below, when a lower layer (another agent) escalated the request here. */
  readonly path?: readonly DecisionStep<D>[];
  /**
   * The next layer up, beyond this hierarchy's layers (another agent, reached by `send`): called with the path
   * when the last layer here escalates. Without it, the last layer here is the top and answers its best effort.
   */
  readonly escalate?: (request: R, path: readonly DecisionStep<D>[]) => Promise<DecisionOutcome<D>>;
}

/** Thresholds checked: numbers with 0 ≤ consultAbove ≤ decideAbove ≤ 1. */
export function decisionThresholds(given: Partial<DecisionThresholds> = {}): DecisionThresholds {
  const thresholds = { ...DEFAULT_DECISION_THRESHOLDS, ...given };
  const { decideAbove, consultAbove } = thresholds;
  const inRange = (n: number) => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 1;
  if (!inRange(decideAbove) || !inRange(consultAbove) || consultAbove > decideAbove) {
    throw new InvalidDecisionHierarchyError(
      `thresholds need 0 ≤ consultAbove ≤ decideAbove ≤ 1, not consultAbove ${consultAbove}, decideAbove ${decideAbove}`,
    );
  }
  return thresholds;
}

/** The step's better decision: its consensus when that is surer than the layer alone. */
const bestOf = <D>(step: DecisionStep<D>): Decision<D> | undefined =>
  step.consensus !== undefined &&
  (step.decision === undefined || step.consensus.confidence > step.decision.confidence)
    ? step.consensus
    : step.decision;

/**
 * Decides a request layer by layer, lowest first (operational → tactical → strategic): a layer sure enough
 * decides; a fairly sure one asks its peers and their consensus decides if it is sure enough; otherwise — or
 * when the layer declines or throws — the request goes up with the layer's step on its path. The top layer
 * answers its best effort (its own decision, or if it has none the surest one below it); when no layer
 * decided anything, {@link NoLayerCouldDecideError}. Every answer carries the whole path.
 *
 * @example
 * ```ts
 * const hierarchy = new HierarchicalDecision([
 *   { name: 'operational', decider: operationalDecider, peers: [headroomPeer] },
 *   { name: 'tactical', decider: tacticalDecider },
 * ], { thresholds: { decideAbove: 0.8, consultAbove: 0.5 } });
 * const { decision, decidedBy, path } = await hierarchy.decide(request);
 * ```
 */
export class HierarchicalDecision<R, D> {
  readonly thresholds: DecisionThresholds;
  readonly #layers: readonly DecisionLayer<R, D>[];
  readonly #keyOf: DecisionKey<D>;

  constructor(layers: readonly DecisionLayer<R, D>[], options: HierarchicalDecisionOptions<D> = {}) {
    if (layers.length === 0) throw new InvalidDecisionHierarchyError('it needs at least one layer');
    const names = new Set<string>();
    for (const { name } of layers) {
      if (names.has(name)) throw new InvalidDecisionHierarchyError(`two layers are named ${name}`);
      names.add(name);
    }
    this.#layers = layers;
    this.thresholds = decisionThresholds(options.thresholds);
    this.#keyOf = options.decisionKey ?? canonicalKey;
  }

  /** The layers' names, lowest first. */
  get layers(): readonly string[] {
    return this.#layers.map((layer) => layer.name);
  }

  /** Decides `request` (see the class): resolves with the decision and its path, or rejects with why not. */
  async decide(request: R, options: DecideOptions<R, D> = {}): Promise<DecisionOutcome<D>> {
    const path: DecisionStep<D>[] = [...(options.path ?? [])];
    for (const layer of this.#layers) {
      const step = await runLayer(layer, request, path, this.thresholds, this.#keyOf);
      path.push(step);
      if (step.verdict === 'decided' && step.decision !== undefined) {
        return { decision: step.decision, decidedBy: step.layer, verdict: 'decided', path };
      }
      if (step.verdict === 'agreed' && step.consensus !== undefined) {
        return { decision: step.consensus, decidedBy: step.layer, verdict: 'agreed', path };
      }
    }
    if (options.escalate !== undefined) return options.escalate(request, path);
    return bestEffort(path);
  }
}

/** The top's answer: its own best decision, else the surest below it; none at all is an error. */
function bestEffort<D>(path: DecisionStep<D>[]): DecisionOutcome<D> {
  const top = path.length - 1;
  const topStep = path[top];
  let chosen = topStep === undefined ? undefined : bestOf(topStep);
  let by = top;
  if (chosen === undefined) {
    path.forEach((step, index) => {
      const decision = bestOf(step);
      if (decision !== undefined && (chosen === undefined || decision.confidence > chosen.confidence)) {
        chosen = decision;
        by = index;
      }
    });
  }
  const step = path[by];
  if (chosen === undefined || step === undefined) throw new NoLayerCouldDecideError(path);
  path[by] = { ...step, verdict: 'best-effort' };
  return { decision: chosen, decidedBy: step.layer, verdict: 'best-effort', path };
}
