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
import type { ExecutionStatus, LocalExecution } from './local-execution.js';
import type { LocalLambdaInvoker } from './local-lambda-invoker.js';
import type { LocalQueueSink } from './local-queue-sink.js';
import type { LocalStateMachine } from './local-state-machine.js';
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
  void recordHistory(execution, run.eventLogs);
  void run.result
    .then(
      (output): Outcome => ({ status: 'SUCCEEDED', output: JSON.stringify(output ?? null) }),
      (error: unknown): Outcome => outcomeOf(error),
    )
    .then((outcome) => {
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

async function recordHistory(execution: LocalExecution, events: AsyncIterable<unknown>): Promise<void> {
  for await (const raw of events) {
    const event = raw as {
      type: string;
      timestamp: number;
      state?: { name?: string };
      Error?: unknown;
      Cause?: unknown;
    };
    execution.history.push({
      type: event.type,
      timestamp: event.timestamp,
      ...(event.state?.name === undefined ? {} : { stateName: event.state.name }),
      ...(event.Error === undefined ? {} : { error: String(event.Error) }),
      ...(event.Cause === undefined ? {} : { cause: describeCause(event.Cause) }),
    });
  }
}

const describeCause = (cause: unknown): string =>
  cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
