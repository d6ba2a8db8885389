import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { messageOf } from '../../lambdas/contracts/agentbridge-error.js';
import { applySubstitutions } from './apply-substitutions.js';
import { InvalidDefinitionError } from './local-step-functions-error.js';
import { type PreparedDefinition, prepareDefinition } from './prepare-definition.js';

/** A state machine as CreateStateMachine takes it: the ASL text and its `${Placeholder}` values. */
export interface LocalStateMachineInput {
  readonly name: string;
  /** ASL (JSONPath) text, with `${Placeholder}`s as the CDK stack deploys it. */
  readonly definition: string;
  readonly substitutions?: Readonly<Record<string, string>>;
  /**
   * STANDARD (default): an execution name is unique per machine. EXPRESS: names repeat freely, every start is a
   * new execution (ARN `…:express:<machine>:<name>:<id>`), and `.waitForTaskToken` is refused as AWS refuses it.
   */
  readonly type?: 'STANDARD' | 'EXPRESS';
}

/** A built state machine: the engine is constructed (and validated) once, and run per execution. */
export interface LocalStateMachine {
  readonly name: string;
  readonly stateMachineArn: string;
  readonly type: 'STANDARD' | 'EXPRESS';
  readonly engine: StateMachine;
  readonly prepared: PreparedDefinition;
}

/** Engines by definition: validating a large definition costs ~100 ms, and an engine is reusable per run. */
const ENGINES = new Map<string, Pick<LocalStateMachine, 'engine' | 'prepared'>>();
const MAX_CACHED_ENGINES = 64;

/**
 * Builds a state machine for the local engine: substitutes the placeholders, checks that every Task can run
 * offline, and constructs aws-local-stepfunctions' `StateMachine` (which validates the ASL with asl-validator).
 * Constructing costs up to ~100 ms, so it happens once per definition (and substitutions) per process, never per
 * execution: every service creating the same machine shares the engine, which keeps no per-run state.
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
  const key = JSON.stringify([input.name, input.definition, input.substitutions ?? {}]);
  const type = input.type ?? 'STANDARD';
  const built = ENGINES.get(key) ?? buildEngine(input, key);
  const callbacks = built.prepared.tasks.filter((task) => task.kind === 'callback');
  if (type === 'EXPRESS' && callbacks.length > 0) {
    throw new InvalidDefinitionError(
      input.name,
      callbacks.map(
        (task) => `Task ${task.stateName} waits for a task token, which EXPRESS workflows do not support`,
      ),
    );
  }
  return { name: input.name, stateMachineArn, type, ...built };
}

function buildEngine(
  input: LocalStateMachineInput,
  key: string,
): Pick<LocalStateMachine, 'engine' | 'prepared'> {
  const parsed = applySubstitutions(input.name, input.definition, input.substitutions ?? {});
  const prepared = prepareDefinition(input.name, parsed);
  let engine: StateMachine;
  try {
    // The engine validates the definition in its constructor: that check is what makes this cast safe.
    engine = new StateMachine(prepared.definition as unknown as StateMachineDefinition);
  } catch (error) {
    throw new InvalidDefinitionError(input.name, [messageOf(error)], {
      cause: error,
    });
  }
  if (ENGINES.size >= MAX_CACHED_ENGINES) ENGINES.clear();
  ENGINES.set(key, { engine, prepared });
  return { engine, prepared };
}
