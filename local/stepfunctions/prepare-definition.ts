import { InvalidDefinitionError } from './local-step-functions-error.js';

/** How the local engine runs a Task state; anything else would make aws-local-stepfunctions call AWS. */
export type LocalTaskKind =
  | 'lambda'
  | 'callback'
  | 'putEvents'
  | 'startExecution'
  | 'describeExecution'
  | 'sendMessage'
  | 'wait';

/** How long a Wait state waits: its one field of Seconds, Timestamp, SecondsPath or TimestampPath. */
export type LocalWaitSpec =
  | { readonly seconds: number }
  | { readonly timestamp: string }
  | { readonly secondsPath: string }
  | { readonly timestampPath: string };

export interface LocalTaskSpec {
  readonly stateName: string;
  readonly kind: LocalTaskKind;
  /** TimeoutSeconds / HeartbeatSeconds of a callback state: enforced by the callback registry. */
  readonly timeoutSeconds?: number;
  readonly heartbeatSeconds?: number;
  /** A Wait state's duration: run as a Task on the service's timer, so a virtual clock can move it on. */
  readonly wait?: LocalWaitSpec;
}

export interface PreparedDefinition {
  /** The definition handed to the engine (callback states' TimeoutSeconds lifted, see below). */
  readonly definition: Record<string, unknown>;
  readonly tasks: readonly LocalTaskSpec[];
  /** Every state with a Retry, to override its interval when asked. */
  readonly retryingStates: readonly string[];
}

const RESOURCES: Readonly<Record<string, LocalTaskKind>> = {
  'arn:aws:states:::lambda:invoke': 'lambda',
  'arn:aws:states:::lambda:invoke.waitForTaskToken': 'callback',
  'arn:aws:states:::events:putEvents': 'putEvents',
  'arn:aws:states:::states:startExecution': 'startExecution',
  'arn:aws:states:::aws-sdk:sfn:describeExecution': 'describeExecution',
  'arn:aws:states:::sqs:sendMessage': 'sendMessage',
};

/** The resource a Wait state is rewritten to: a Task the local handler runs on the service's timer. */
const WAIT_RESOURCE = 'arn:aws:states:::agentbridge:localWait';

const waitSpecOf = (state: Record<string, unknown>): LocalWaitSpec | undefined => {
  if (typeof state.Seconds === 'number') return { seconds: state.Seconds };
  if (typeof state.Timestamp === 'string') return { timestamp: state.Timestamp };
  if (typeof state.SecondsPath === 'string') return { secondsPath: state.SecondsPath };
  if (typeof state.TimestampPath === 'string') return { timestampPath: state.TimestampPath };
  return undefined;
};

/**
 * A Wait state as a Task that passes its input through (InputPath, OutputPath and Next/End kept): the engine
 * would sleep on a real `setTimeout`, which no virtual clock can advance.
 */
function asTimerTask(state: Record<string, unknown>): void {
  for (const field of ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath']) delete state[field];
  state.Type = 'Task';
  state.Resource = WAIT_RESOURCE;
}

/** The longest Task timeout the engine's `setTimeout` can hold (~24.8 days). */
export const MAX_ENGINE_TIMEOUT_SECONDS = 2_147_483;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const positive = (value: unknown): number | undefined =>
  typeof value === 'number' && value > 0 ? value : undefined;

/**
 * Checks that every Task of a (substituted) definition can run offline and classifies it, walking Parallel
 * branches and Map processors too (the engine applies overrides by state name at any depth). Wait states
 * become Tasks the service runs on its timer (see `asTimerTask`). Callback states
 * get the engine's own timer lifted to its maximum: the callback registry enforces their TimeoutSeconds
 * (scaled, for tests) and HeartbeatSeconds, which the engine ignores.
 *
 * @example
 * ```ts
 * const { definition, tasks } = prepareDefinition('order-saga', parsed);
 * ```
 */
export function prepareDefinition(stateMachineName: string, parsed: unknown): PreparedDefinition {
  const problems: string[] = [];
  const tasks: LocalTaskSpec[] = [];
  const retryingStates: string[] = [];
  const copy: unknown = structuredClone(parsed);
  const walk = (machine: unknown, where: string): void => {
    if (!isRecord(machine) || !isRecord(machine.States)) {
      problems.push(`${where} has no States`);
      return;
    }
    for (const [stateName, state] of Object.entries(machine.States)) {
      if (!isRecord(state)) continue;
      if (Array.isArray(state.Retry)) retryingStates.push(stateName);
      if (Array.isArray(state.Branches)) {
        for (const [i, branch] of state.Branches.entries()) walk(branch, `${stateName}.Branches[${i}]`);
      }
      const processor = state.ItemProcessor ?? state.Iterator;
      if (processor !== undefined) walk(processor, `${stateName}.ItemProcessor`);
      if (state.Type === 'Wait') {
        const wait = waitSpecOf(state);
        if (wait === undefined) problems.push(`Wait ${stateName} names no duration`);
        else {
          tasks.push({ stateName, kind: 'wait', wait });
          asTimerTask(state);
        }
        continue;
      }
      if (state.Type !== 'Task') continue;
      const kind = typeof state.Resource === 'string' ? RESOURCES[state.Resource] : undefined;
      if (kind === undefined) {
        problems.push(`Task ${stateName} uses ${String(state.Resource)}, which has no local handler`);
        continue;
      }
      const timeoutSeconds = positive(state.TimeoutSeconds);
      if (kind === 'callback') {
        tasks.push({ stateName, kind, timeoutSeconds, heartbeatSeconds: positive(state.HeartbeatSeconds) });
        state.TimeoutSeconds = MAX_ENGINE_TIMEOUT_SECONDS;
        continue;
      }
      if (timeoutSeconds !== undefined && timeoutSeconds > MAX_ENGINE_TIMEOUT_SECONDS) {
        problems.push(`Task ${stateName} has TimeoutSeconds above ${MAX_ENGINE_TIMEOUT_SECONDS}`);
      }
      tasks.push({ stateName, kind });
    }
  };
  walk(copy, 'the definition');
  if (problems.length > 0 || !isRecord(copy)) throw new InvalidDefinitionError(stateMachineName, problems);
  return { definition: copy, tasks, retryingStates };
}
