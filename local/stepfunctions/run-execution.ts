import {
  ExecutionAbortedError,
  ExecutionError,
  ExecutionTimeoutError,
  type RunOptions,
  type StateMachine,
} from 'aws-local-stepfunctions';
import type { Clock } from '../../lambdas/contracts/clock.js';
import type { CallbackRegistry } from './callback-registry.js';
import type { LocalEventSink } from './local-event-sink.js';
import type { ExecutionHistoryEvent, ExecutionStatus, LocalExecution } from './local-execution.js';
import type { LocalLambdaInvoker } from './local-lambda-invoker.js';
import type { LocalQueueSink } from './local-queue-sink.js';
import type { LocalStateMachine } from './local-state-machine.js';
import type { CallbackTimer } from './long-timer.js';
import type { LocalTaskSpec } from './prepare-definition.js';
import { type TaskOverrideDeps, taskOverrides } from './task-overrides.js';

export interface RunExecutionDeps {
  readonly context: NonNullable<RunOptions['context']>;
  readonly lambda: LocalLambdaInvoker;
  readonly events: LocalEventSink;
  readonly queues: LocalQueueSink | undefined;
  readonly callbacks: CallbackRegistry;
  readonly startExecution: TaskOverrideDeps['startExecution'];
  readonly describeExecution: TaskOverrideDeps['describeExecution'];
  readonly retryIntervalMs: number | undefined;
  readonly callbackTimeScale: number;
  readonly clock: Clock;
  /** Arms Wait states' deadlines (the callback timer: real timers, or the virtual clock's). */
  readonly timer: CallbackTimer;
  /** Sees each history event as it is recorded (the local cloud journals them). */
  readonly onHistoryEvent: ((event: ExecutionHistoryEvent) => void) | undefined;
}

type EngineInput = Parameters<StateMachine['run']>[0];
type Outcome = {
  status: Exclude<ExecutionStatus, 'RUNNING'>;
  output?: string;
  error?: string;
  cause?: string;
};

/**
 * Runs one execution on the engine in the background and keeps its {@link LocalExecution} up to date:
 * history from the engine's event log, parked while a callback waits, status and output at the end (its
 * callbacks closed first, so a late SendTask* call answers TaskTimedOut). Returns the function that stops it.
 */
export function runExecution(
  machine: LocalStateMachine,
  execution: LocalExecution,
  input: unknown,
  deps: RunExecutionDeps,
): () => void {
  const handlers = taskOverrides(machine.prepared.tasks, {
    executionArn: execution.executionArn,
    stateMachineArn: machine.stateMachineArn,
    invokeLambda: deps.lambda,
    events: deps.events,
    ...(deps.queues === undefined ? {} : { queues: deps.queues }),
    startExecution: deps.startExecution,
    describeExecution: deps.describeExecution,
    sleep: (ms) => new Promise<void>((resolve) => void deps.timer(resolve, ms)),
    now: () => deps.clock.now(),
    awaitCallback: (task, send) => awaitCallback(execution, task, send, deps),
  });
  const interval = deps.retryIntervalMs;
  const retryIntervalOverrides =
    interval === undefined
      ? {}
      : Object.fromEntries(machine.prepared.retryingStates.map((name) => [name, interval]));
  const run = machine.engine.run(input as EngineInput, {
    overrides: { taskResourceLocalHandlers: handlers, retryIntervalOverrides },
    context: deps.context,
  });
  const waits = new Set(
    machine.prepared.tasks.filter((task) => task.kind === 'wait').map((t) => t.stateName),
  );
  const recorded = recordHistory(execution, run.eventLogs, waits, deps);
  const outcome = run.result.then(
    (output): Outcome => ({ status: 'SUCCEEDED', output: JSON.stringify(output ?? null) }),
    (error: unknown): Outcome => outcomeOf(error),
  );
  // The engine's log closes with the execution's end event: ending only once it is drained means whoever
  // sees the execution ended also sees its whole history (and the journal its end).
  void Promise.all([outcome, recorded.catch(() => undefined)]).then(([outcome]) => {
    deps.callbacks.closeExecution(execution.executionArn, `execution ${outcome.status.toLowerCase()}`);
    const { status, ...fields } = outcome;
    execution.finish(status, new Date(deps.clock.now()), fields);
  });
  return () => run.abort();
}

async function awaitCallback(
  execution: LocalExecution,
  task: LocalTaskSpec,
  send: (token: string) => Promise<void>,
  deps: RunExecutionDeps,
): Promise<unknown> {
  const scaled = (seconds: number | undefined): number | undefined =>
    seconds === undefined ? undefined : seconds * 1_000 * deps.callbackTimeScale;
  let parked = false;
  // Unparking happens inside the SendTask* call itself, so whoever sent it and then waits for the next park
  // never sees this callback as still parked.
  const { token, result } = deps.callbacks.issue(
    execution.executionArn,
    task.stateName,
    { timeoutMs: scaled(task.timeoutSeconds), heartbeatMs: scaled(task.heartbeatSeconds) },
    () => {
      if (!parked) return;
      parked = false;
      execution.unpark();
    },
  );
  // Observed at once: a short timeout may settle the token before the awaiting task has even answered.
  const outcome = result.then(
    (output) => ({ ok: true as const, output }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  try {
    await send(token);
  } catch (error) {
    deps.callbacks.withdraw(token);
    throw error;
  }
  if (deps.callbacks.isPending(token)) {
    parked = true;
    submitted(execution, task.stateName, deps);
    execution.park();
  }
  const settled = await outcome;
  if (settled.ok) return settled.output;
  throw settled.error;
}

function outcomeOf(error: unknown): Outcome {
  if (error instanceof ExecutionTimeoutError) {
    return {
      status: 'TIMED_OUT',
      error: 'States.Timeout',
      cause: 'The execution ran longer than its TimeoutSeconds',
    };
  }
  if (error instanceof ExecutionAbortedError) return { status: 'ABORTED' };
  const failure = error instanceof ExecutionError && error.cause instanceof Error ? error.cause : error;
  if (failure instanceof Error) return { status: 'FAILED', error: failure.name, cause: failure.message };
  return { status: 'FAILED', error: 'States.Runtime', cause: String(failure) };
}

async function recordHistory(
  execution: LocalExecution,
  events: AsyncIterable<unknown>,
  waits: ReadonlySet<string>,
  deps: Pick<RunExecutionDeps, 'clock' | 'onHistoryEvent'>,
): Promise<void> {
  for await (const raw of events) {
    const event = raw as {
      type: string;
      state?: { name?: string; type?: string; input?: unknown; output?: unknown };
      input?: unknown;
      output?: unknown;
      Error?: unknown;
      Cause?: unknown;
    };
    const input = event.state?.input ?? event.input;
    const output = event.state?.output ?? event.output;
    // Stamped on the service's clock, not the engine's Date.now(): a virtual clock's history reads in its time.
    const recorded: ExecutionHistoryEvent = {
      type: event.type,
      timestamp: deps.clock.now(),
      ...(event.state?.name === undefined ? {} : { stateName: event.state.name }),
      // A Wait state runs as a Task on the service's timer (see prepareDefinition); its history says Wait.
      ...(event.state?.type === undefined
        ? {}
        : { stateType: waits.has(event.state.name ?? '') ? 'Wait' : event.state.type }),
      ...(input === undefined || event.type === 'StateExited' ? {} : { input: JSON.stringify(input) }),
      ...(output === undefined ? {} : { output: JSON.stringify(output) }),
      ...(event.Error === undefined ? {} : { error: String(event.Error) }),
      ...(event.Cause === undefined ? {} : { cause: describeCause(event.Cause) }),
    };
    execution.history.push(recorded);
    deps.onHistoryEvent?.(recorded);
    if (event.type === 'StateEntered' && awaitingEntry.get(execution)?.delete(recorded.stateName ?? '')) {
      submitted(execution, recorded.stateName ?? '', deps);
    }
  }
}

/** Callbacks parked before the engine's (asynchronous) log recorded their state's entry, by execution. */
const awaitingEntry = new WeakMap<LocalExecution, Set<string>>();

/**
 * As on AWS, a `.waitForTaskToken` task whose request was accepted and which now waits for its token shows
 * `TaskSubmitted` after its state's entry. The engine's log may not have recorded that entry yet when the
 * callback parks: then it is written as soon as it is.
 */
function submitted(
  execution: LocalExecution,
  stateName: string,
  deps: Pick<RunExecutionDeps, 'clock' | 'onHistoryEvent'>,
): void {
  const last = execution.history.findLast((event) => event.stateName === stateName);
  if (last?.type !== 'StateEntered') {
    const pending = awaitingEntry.get(execution) ?? new Set<string>();
    pending.add(stateName);
    awaitingEntry.set(execution, pending);
    return;
  }
  const event: ExecutionHistoryEvent = {
    type: 'TaskSubmitted',
    timestamp: deps.clock.now(),
    stateName,
    stateType: 'Task',
  };
  execution.history.push(event);
  deps.onHistoryEvent?.(event);
}

const describeCause = (cause: unknown): string =>
  cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
