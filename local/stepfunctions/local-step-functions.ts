import { messageOf } from '../../lambdas/contracts/agentbridge-error.js';
// The engine (aws-local-stepfunctions 3) calls Promise.withResolvers, which Node 20 lacks.
import '../polyfills.js';
import { randomUUID } from 'node:crypto';
import { type Clock, systemClock } from '../../lambdas/contracts/clock.js';
import { CallbackRegistry } from './callback-registry.js';
import { executionContext } from './execution-context.js';
import type { LocalEventSink } from './local-event-sink.js';
import type { ExecutionDescription, ExecutionHistoryEvent } from './local-execution.js';
import { LocalExecution } from './local-execution.js';
import type { LocalLambdaInvoker } from './local-lambda-invoker.js';
import type { LocalQueueSink } from './local-queue-sink.js';
import {
  buildLocalStateMachine,
  type LocalStateMachine,
  type LocalStateMachineInput,
} from './local-state-machine.js';
import {
  ExecutionAlreadyExistsError,
  ExecutionDoesNotExistError,
  ExecutionLimitExceededError,
  InvalidRequestError,
  StateMachineDoesNotExistError,
} from './local-step-functions-error.js';
import { type CallbackTimer, setLongTimeout } from './long-timer.js';
import { runExecution } from './run-execution.js';
import { TaskFailureError } from './task-failure-error.js';

export interface LocalStepFunctionsOptions {
  /** Runs `lambda:invoke` tasks (the in-process agents, or the local cloud's Lambda host). */
  readonly lambda: LocalLambdaInvoker;
  /** Receives `events:putEvents` tasks' entries. */
  readonly events: LocalEventSink;
  /** Receives `sqs:sendMessage` tasks' bodies (e.g. the parked-saga queue). */
  readonly queues?: LocalQueueSink;
  readonly region?: string;
  readonly accountId?: string;
  /** Replaces every Retry interval with this many milliseconds (tests, demos). Default: the ASL's own. */
  readonly retryIntervalMs?: number;
  /** Multiplies callbacks' TimeoutSeconds and HeartbeatSeconds (e.g. 1e-6 turns a day into 86 ms). Default 1. */
  readonly callbackTimeScale?: number;
  /** Arms callbacks' timeouts and heartbeat deadlines. Default: real timers; tests pass one they move by hand. */
  readonly callbackTimer?: CallbackTimer;
  readonly clock?: Clock;
  /**
   * The account's quota of open STANDARD executions (AWS: 1,000,000 by default); a start beyond it fails with
   * `ExecutionLimitExceeded`. EXPRESS executions do not count. Default: unlimited.
   */
  readonly openExecutionLimit?: number;
  /**
   * Makes a task's nested StartExecution time out (the task fails with `States.Timeout`): `after-start` starts
   * the execution and loses the reply, `before-start` never reaches the service. For the ambiguous failures
   * a caller must resolve by looking the execution up. Default: none.
   */
  readonly nestedStartTimeout?: (request: {
    stateMachineArn: string;
    name?: string;
  }) => 'after-start' | 'before-start' | undefined;
  /** Sees every history event of every execution as it is recorded (the local cloud journals them). */
  readonly onHistoryEvent?: (execution: ExecutionDescription, event: ExecutionHistoryEvent) => void;
  /** Makes a task's DescribeExecution fail as an unavailable service would (`Sfn.SfnException`). Default: never. */
  readonly nestedDescribeFails?: (request: { executionArn: string }) => boolean;
}

/** AWS allows 1–80 characters without whitespace, brackets, wildcards, control or URL-special characters. */
const EXECUTION_NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\p{Cc}]{1,80}$/u;
const MAX_INPUT_BYTES = 256 * 1024;

/**
 * Step Functions offline, shaped like the service API: CreateStateMachine (STANDARD or EXPRESS), StartExecution
 * (on a STANDARD machine the name is unique; a repeat with the same input while running returns the running
 * execution, as on AWS, otherwise `ExecutionAlreadyExists`; on an EXPRESS machine every start is new), DescribeExecution, SendTaskSuccess / SendTaskFailure /
 * SendTaskHeartbeat, StopExecution, plus `waitForExecution` / `waitUntilParked` for tests and demos.
 * Executions run on aws-local-stepfunctions with every Task routed locally (see `taskOverrides`) and real task
 * tokens for `.waitForTaskToken` states (see `CallbackRegistry`).
 *
 * @example
 * ```ts
 * const sfn = new LocalStepFunctions({ lambda: runtimeLambdaInvoker(runtime, registry), events: sink });
 * const { stateMachineArn } = sfn.createStateMachine({ name: 'order-saga', definition, substitutions });
 * const { executionArn } = await sfn.startExecution({ stateMachineArn, name: 'o-1', input: JSON.stringify(order) });
 * const { status, output } = await sfn.waitForExecution(executionArn);
 * ```
 */
export class LocalStepFunctions {
  readonly #options: LocalStepFunctionsOptions;
  readonly #machines = new Map<string, LocalStateMachine>();
  readonly #executions = new Map<string, { execution: LocalExecution; stop: () => void }>();
  readonly #callbacks: CallbackRegistry;
  readonly #region: string;
  readonly #accountId: string;

  constructor(options: LocalStepFunctionsOptions) {
    this.#options = options;
    this.#callbacks = new CallbackRegistry(options.callbackTimer);
    this.#region = options.region ?? 'us-east-1';
    this.#accountId = options.accountId ?? '000000000000';
  }

  /** The ARN a machine of this name has here (what `definitionSubstitutions` point other machines at). */
  stateMachineArn(name: string): string {
    return `arn:aws:states:${this.#region}:${this.#accountId}:stateMachine:${name}`;
  }

  /**
   * Builds (and validates) the machine once; creating the same name again replaces it for new executions.
   * `stateMachineArn` keeps the ARN a deployment gave it (its own region and account); executions are named
   * in the machine's ARN.
   */
  createStateMachine(input: LocalStateMachineInput & { readonly stateMachineArn?: string }): {
    stateMachineArn: string;
  } {
    const stateMachineArn = input.stateMachineArn ?? this.stateMachineArn(input.name);
    this.#machines.set(stateMachineArn, buildLocalStateMachine(input, stateMachineArn));
    return { stateMachineArn };
  }

  /** The machines created, in creation order. */
  stateMachines(): readonly Pick<LocalStateMachine, 'name' | 'stateMachineArn' | 'type'>[] {
    return [...this.#machines.values()];
  }

  async startExecution(request: {
    stateMachineArn: string;
    name?: string;
    input?: string;
  }): Promise<{ executionArn: string; startDate: Date }> {
    const machine = this.#machines.get(request.stateMachineArn);
    if (machine === undefined) throw new StateMachineDoesNotExistError(request.stateMachineArn);
    const name = request.name ?? randomUUID();
    if (!EXECUTION_NAME.test(name)) {
      throw new InvalidRequestError(
        'InvalidName',
        'name',
        `${JSON.stringify(name)} is not a valid execution name`,
      );
    }
    const input = request.input ?? '{}';
    const parsed = parseJson(input, 'InvalidExecutionInput', 'input');
    if (Buffer.byteLength(input, 'utf8') > MAX_INPUT_BYTES) {
      throw new InvalidRequestError('InvalidExecutionInput', 'input', 'larger than 256 KiB');
    }
    // EXPRESS has no name de-duplication: every start is a new execution, with an id of its own in the ARN.
    const scope = machine.stateMachineArn.slice(0, machine.stateMachineArn.indexOf(':stateMachine:'));
    const executionArn =
      machine.type === 'EXPRESS'
        ? `${scope}:express:${machine.name}:${name}:${randomUUID()}`
        : `${scope}:execution:${machine.name}:${name}`;
    const existing = this.#executions.get(executionArn)?.execution;
    if (existing !== undefined) {
      if (existing.status === 'RUNNING' && existing.input === input)
        return { executionArn, startDate: existing.startDate };
      throw new ExecutionAlreadyExistsError(executionArn);
    }
    const limit = this.#options.openExecutionLimit;
    if (machine.type === 'STANDARD' && limit !== undefined && this.#openStandardExecutions() >= limit) {
      throw new ExecutionLimitExceededError(limit);
    }
    const clock = this.#options.clock ?? systemClock;
    const execution = new LocalExecution({
      executionArn,
      stateMachineArn: machine.stateMachineArn,
      name,
      input,
      startDate: new Date(clock.now()),
    });
    const stop = runExecution(machine, execution, parsed, {
      context: executionContext(
        {
          executionArn,
          name,
          stateMachineArn: machine.stateMachineArn,
          stateMachineName: machine.name,
          roleArn: `arn:aws:iam::${this.#accountId}:role/${machine.name}-local`,
        },
        clock,
      ),
      lambda: this.#options.lambda,
      events: this.#options.events,
      queues: this.#options.queues,
      callbacks: this.#callbacks,
      startExecution: (nested) => this.#nestedStart(nested),
      describeExecution: async (request) => {
        if (this.#options.nestedDescribeFails?.(request) === true)
          throw new TaskFailureError(
            'Sfn.SfnException',
            `DescribeExecution of ${request.executionArn} failed`,
          );
        return this.describeExecution(request);
      },
      retryIntervalMs: this.#options.retryIntervalMs,
      callbackTimeScale: this.#options.callbackTimeScale ?? 1,
      clock,
      timer: this.#options.callbackTimer ?? setLongTimeout,
      onHistoryEvent:
        this.#options.onHistoryEvent === undefined
          ? undefined
          : (event) => this.#options.onHistoryEvent?.(execution.describe(), event),
    });
    this.#executions.set(executionArn, { execution, stop });
    return { executionArn, startDate: execution.startDate };
  }

  async #nestedStart(request: { stateMachineArn: string; name?: string; input: string }) {
    const timeout = this.#options.nestedStartTimeout?.(request);
    if (timeout === 'before-start') throw nestedStartTimedOut(request.stateMachineArn);
    const started = await this.startExecution(request);
    if (timeout === 'after-start') throw nestedStartTimedOut(request.stateMachineArn);
    return started;
  }

  async describeExecution(request: { executionArn: string }): Promise<ExecutionDescription> {
    return this.#execution(request.executionArn).describe();
  }

  async stopExecution(request: { executionArn: string }): Promise<{ stopDate: Date }> {
    const entry = this.#executions.get(request.executionArn);
    if (entry === undefined) throw new ExecutionDoesNotExistError(request.executionArn);
    if (entry.execution.status === 'RUNNING') entry.stop();
    return { stopDate: (await entry.execution.whenDone()).stopDate ?? new Date() };
  }

  async sendTaskSuccess(request: { taskToken: string; output: string }): Promise<void> {
    this.#callbacks.succeed(request.taskToken, parseJson(request.output, 'InvalidOutput', 'output'));
  }

  async sendTaskFailure(request: { taskToken: string; error?: string; cause?: string }): Promise<void> {
    this.#callbacks.fail(request.taskToken, request.error ?? '', request.cause ?? '');
  }

  async sendTaskHeartbeat(request: { taskToken: string }): Promise<void> {
    this.#callbacks.heartbeat(request.taskToken);
  }

  /** Resolves once the execution has ended (SUCCEEDED, FAILED, TIMED_OUT or ABORTED). */
  waitForExecution(executionArn: string): Promise<ExecutionDescription> {
    return this.#execution(executionArn).whenDone();
  }

  /** Resolves once the execution waits for a task token (or has ended): the moment to send the next trigger. */
  waitUntilParked(executionArn: string): Promise<ExecutionDescription> {
    return this.#execution(executionArn).whenParkedOrDone();
  }

  getExecutionHistory(executionArn: string): readonly ExecutionHistoryEvent[] {
    return [...this.#execution(executionArn).history];
  }

  listExecutions(request: { stateMachineArn?: string } = {}): ExecutionDescription[] {
    return [...this.#executions.values()]
      .map(({ execution }) => execution)
      .filter(
        (execution) =>
          request.stateMachineArn === undefined || execution.stateMachineArn === request.stateMachineArn,
      )
      .map((execution) => execution.describe());
  }

  /** Stops every running execution (their callbacks close): for a clean exit of `npm start` and tests. */
  async close(): Promise<void> {
    const running = [...this.#executions.values()].filter(({ execution }) => execution.status === 'RUNNING');
    for (const { stop } of running) stop();
    await Promise.all(running.map(({ execution }) => execution.whenDone()));
  }

  #openStandardExecutions(): number {
    return [...this.#executions.values()].filter(
      ({ execution }) =>
        execution.status === 'RUNNING' && this.#machines.get(execution.stateMachineArn)?.type === 'STANDARD',
    ).length;
  }

  #execution(executionArn: string): LocalExecution {
    const entry = this.#executions.get(executionArn);
    if (entry === undefined) throw new ExecutionDoesNotExistError(executionArn);
    return entry.execution;
  }
}

function parseJson(
  text: string,
  code: 'InvalidExecutionInput' | 'InvalidOutput',
  field: 'input' | 'output',
): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidRequestError(code, field, `not JSON (${messageOf(error)})`);
  }
}

const nestedStartTimedOut = (stateMachineArn: string): TaskFailureError =>
  new TaskFailureError('States.Timeout', `StartExecution of ${stateMachineArn} timed out`);
