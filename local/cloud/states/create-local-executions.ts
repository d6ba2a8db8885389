import type { ExecutionDescription, ExecutionHistoryEvent } from '../../stepfunctions/local-execution.js';
import { LocalStepFunctions } from '../../stepfunctions/local-step-functions.js';
import { jsonProtocolService, type LocalAwsService } from '../endpoint/aws-service.js';
import type { LocalCloudContext, LocalExecutions } from '../local-cloud-ports.js';
import type { LocalStateMachine } from '../local-deployment.js';
import { cloudEventSink, cloudLambdaInvoker, cloudQueueSink } from './cloud-task-ports.js';
import { statesOperations } from './states-operations.js';
import { asAwsError } from './states-request.js';

export interface LocalExecutionsOptions {
  /** Replaces every Retry interval with this many (real) milliseconds: tests that fail a task on purpose. */
  readonly retryIntervalMs?: number;
}

/** The local Step Functions service: the API the endpoint serves, the port other services start executions by. */
export interface LocalStatesService {
  readonly service: LocalAwsService;
  readonly executions: LocalExecutions;
  /** The engine underneath, for tests and the demo to wait on an execution. */
  readonly engine: LocalStepFunctions;
  /** Stops every running execution. */
  close(): Promise<void>;
}

const parsedOr = (text: string | undefined): unknown => {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** What a user tracing an order wants to see of an execution: its start, each state, its end. */
function journalEntry(
  machineName: string,
  execution: ExecutionDescription,
  event: ExecutionHistoryEvent,
): Parameters<LocalCloudContext['journal']['record']>[0] | undefined {
  const data = event.output ?? event.input;
  const payload = JSON.stringify({
    executionArn: execution.executionArn,
    ...(event.stateName === undefined ? {} : { state: event.stateName }),
    ...(data === undefined ? {} : { [event.output === undefined ? 'input' : 'output']: parsedOr(data) }),
  });
  const failure = event.error === undefined ? undefined : `${event.error}: ${event.cause ?? ''}`;
  switch (event.type) {
    case 'ExecutionStarted':
    case 'ExecutionSucceeded':
    case 'ExecutionFailed':
    case 'ExecutionAborted':
    case 'ExecutionTimeout':
    case 'StateFailed':
    case 'StateRetried':
    case 'StateCaught':
      return {
        service: 'states',
        action: event.type === 'ExecutionTimeout' ? 'ExecutionTimedOut' : event.type,
        resource: machineName,
        payload,
        ...(failure === undefined
          ? event.stateName === undefined
            ? {}
            : { detail: event.stateName }
          : { detail: failure }),
      };
    case 'StateEntered':
    case 'StateExited':
      return {
        service: 'states',
        action: event.type,
        resource: machineName,
        payload,
        detail: event.stateName ?? '',
      };
    default:
      return undefined;
  }
}

/**
 * The local Step Functions service of a local cloud: the deployment's state machines (definitions already
 * substituted) on the local engine, with Lambda tasks sent to `context.functions()`, `events:putEvents` to
 * `context.events()`, `sqs:sendMessage` to `context.queues()` and `states:startExecution` to itself; task
 * tokens, callback timeouts, heartbeats and Wait states on `context.clock`, so `clock.advance('3d')` expires a
 * lifecycle. Every execution's start, states and end go to the journal.
 *
 * @example
 * ```ts
 * const states = createLocalExecutions(context);
 * const { executionArn } = await states.executions.startExecution({ stateMachineArn, input: '{}' });
 * ```
 */
export function createLocalExecutions(
  context: LocalCloudContext,
  options: LocalExecutionsOptions = {},
): LocalStatesService {
  const machines = new Map<string, LocalStateMachine>(
    context.deployment.stateMachines.map((machine) => [machine.arn, machine]),
  );
  const names = new Map([...machines.values()].map((machine) => [machine.arn, machine.name]));
  const engine = new LocalStepFunctions({
    lambda: cloudLambdaInvoker(context),
    events: cloudEventSink(context),
    queues: cloudQueueSink(context),
    clock: context.clock,
    callbackTimer: context.clock.schedule,
    ...(options.retryIntervalMs === undefined ? {} : { retryIntervalMs: options.retryIntervalMs }),
    onHistoryEvent: (execution, event) => {
      const entry = journalEntry(
        names.get(execution.stateMachineArn) ?? execution.stateMachineArn,
        execution,
        event,
      );
      if (entry !== undefined) context.journal.record(entry);
    },
  });
  for (const machine of machines.values()) {
    engine.createStateMachine({
      name: machine.name,
      stateMachineArn: machine.arn,
      definition: JSON.stringify(machine.definition),
      type: machine.type,
    });
  }
  const service = jsonProtocolService({
    signingNames: ['states'],
    targetPrefix: 'AWSStepFunctions.',
    contentType: 'application/x-amz-json-1.0',
    operations: statesOperations({ engine, machines, createdAt: context.clock.now() }),
  });
  const executions: LocalExecutions = {
    async startExecution(request) {
      try {
        return await engine.startExecution(request);
      } catch (error) {
        throw asAwsError(error);
      }
    },
  };
  return { service, executions, engine, close: () => engine.close() };
}
