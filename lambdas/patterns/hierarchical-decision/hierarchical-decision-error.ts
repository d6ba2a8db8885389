import { AgentbridgeError } from '../../contracts/agentbridge-error.js';
import type { DecisionStep } from './decision.js';

/** A hierarchy built wrongly (no layers, two layers of one name, thresholds out of order): raised when built. */
export class InvalidDecisionHierarchyError extends AgentbridgeError {
  override readonly name = 'InvalidDecisionHierarchyError';
  readonly problem: string;

  constructor(problem: string) {
    super('INVALID_DECISION_HIERARCHY', `Decision hierarchy: ${problem}`);
    this.problem = problem;
  }
}

/** A decider's answer that is no decision (a confidence outside [0, 1]); recorded as that layer's error. */
export class InvalidDecisionError extends AgentbridgeError {
  override readonly name = 'InvalidDecisionError';
  readonly decider: string;

  constructor(decider: string, problem: string) {
    super('INVALID_DECISION', `Decider ${JSON.stringify(decider)}: ${problem}`);
    this.decider = decider;
  }
}

/**
 * Every layer declined or failed, so there is not even a best effort; `path` holds each layer's step (its
 * decline or error), and the message names them.
 */
export class NoLayerCouldDecideError extends AgentbridgeError {
  override readonly name = 'NoLayerCouldDecideError';
  readonly path: readonly DecisionStep<unknown>[];

  constructor(path: readonly DecisionStep<unknown>[]) {
    const why = path.map(
      (step) => `${step.layer} ${step.verdict}: ${step.error?.message ?? step.declined ?? ''}`,
    );
    super('NO_LAYER_COULD_DECIDE', `No layer could decide: ${why.join('; ') || 'no layers'}`);
    this.path = path;
  }
}
