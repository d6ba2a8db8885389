import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { applySubstitutions } from './apply-substitutions.js';
import { InvalidDefinitionError } from './local-step-functions-error.js';
import { type PreparedDefinition, prepareDefinition } from './prepare-definition.js';

/** A state machine as CreateStateMachine takes it: the ASL text and its `${Placeholder}` values. */
export interface LocalStateMachineInput {
  readonly name: string;
  /** ASL (JSONPath) text, with `${Placeholder}`s as the CDK stack deploys it. */
  readonly definition: string;
  readonly substitutions?: Readonly<Record<string, string>>;
}

/** A built state machine: the engine is constructed (and validated) once, and run per execution. */
export interface LocalStateMachine {
  readonly name: string;
  readonly stateMachineArn: string;
  readonly engine: StateMachine;
  readonly prepared: PreparedDefinition;
}

/**
 * Builds a state machine for the local engine: substitutes the placeholders, checks that every Task can run
 * offline, and constructs aws-local-stepfunctions' `StateMachine` (which validates the ASL with asl-validator).
 * Constructing costs tens of milliseconds, so it happens once per definition, never per execution.
 *
 * @example
 * ```ts
 * const machine = buildLocalStateMachine({ name: 'order-saga', definition, substitutions }, arn);
 * ```
 */
export function buildLocalStateMachine(
  input: LocalStateMachineInput,
  stateMachineArn: string,
): LocalStateMachine {
  const parsed = applySubstitutions(input.name, input.definition, input.substitutions ?? {});
  const prepared = prepareDefinition(input.name, parsed);
  let engine: StateMachine;
  try {
    // The engine validates the definition in its constructor: that check is what makes this cast safe.
    engine = new StateMachine(prepared.definition as unknown as StateMachineDefinition);
  } catch (error) {
    throw new InvalidDefinitionError(input.name, [error instanceof Error ? error.message : String(error)], {
      cause: error,
    });
  }
  return { name: input.name, stateMachineArn, engine, prepared };
}
