import type { ExecutionHistoryEvent } from '../stepfunctions/local-execution.js';

/**
 * The state transitions AWS bills for one Standard execution, from its history: "Step Functions counts a state
 * transition each time a step of your workflow is executed … including retries", and "each retry will be
 * charged as an additional state transition" (https://aws.amazon.com/step-functions/pricing/, read 2026-12-01).
 * So every state entered counts whatever its type (Task, Pass, Choice, Wait, Parallel, Map, Succeed, Fail, and
 * the states inside branches and iterations), every retry of a state counts once more, and the execution's own
 * start and end, a state's exit, failure or catch are no steps of their own.
 *
 * @example
 * ```ts
 * billedStandardTransitions([{ type: 'StateEntered', timestamp: 0, stateName: 'Charge' }]); // 1
 * ```
 */
export function billedStandardTransitions(history: readonly ExecutionHistoryEvent[]): number {
  return history.filter((event) => event.type === 'StateEntered' || event.type === 'StateRetried').length;
}
