import { createHash, randomUUID } from 'node:crypto';
import type { RunOptions } from 'aws-local-stepfunctions';
import { withTaskToken } from './execution-context.js';
import type { LocalEventEntry, LocalEventSink } from './local-event-sink.js';
import type { ExecutionDescription } from './local-execution.js';
import type { LocalLambdaInvoker } from './local-lambda-invoker.js';
import type { LocalQueueSink } from './local-queue-sink.js';
import { isLocalStepFunctionsError } from './local-step-functions-error.js';
import type { LocalTaskSpec } from './prepare-definition.js';
import { isTaskFailureError, lambdaTaskFailure, TaskFailureError } from './task-failure-error.js';
import { waitMilliseconds } from './wait-duration.js';

export type TaskHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;
type JsonValue = Parameters<TaskHandlers[string]>[0];

/** What the handlers of one execution reach. */
export interface TaskOverrideDeps {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly invokeLambda: LocalLambdaInvoker;
  readonly events: LocalEventSink;
  /** Receives `sqs:sendMessage` tasks' bodies; without one those tasks fail as SQS would refuse them. */
  readonly queues?: LocalQueueSink;
  readonly startExecution: (request: {
    stateMachineArn: string;
    name?: string;
    input: string;
  }) => Promise<{ executionArn: string; startDate: Date }>;
  readonly describeExecution: (request: { executionArn: string }) => Promise<ExecutionDescription>;
  /** Resolves once `ms` have passed on the service's timer (a Wait state). */
  readonly sleep: (ms: number) => Promise<void>;
  /** The service clock's time, epoch milliseconds (a Wait state's Timestamp is measured against it). */
  readonly now: () => number;
  /** Issues a token, lets `send` hand it to the awaiting task, and resolves with the callback's output. */
  readonly awaitCallback: (task: LocalTaskSpec, send: (token: string) => Promise<void>) => Promise<unknown>;
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** Results cross a JSON boundary on AWS (Lambda's response, the integration's output): so they do here. */
const asJson = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value ?? null)) as JsonValue;

const invokeFailure = (error: unknown): TaskFailureError =>
  isTaskFailureError(error) ? error : lambdaTaskFailure(error);

/**
 * The `taskResourceLocalHandlers` of one execution: every Task runs offline, shaped like its AWS service
 * integration (`lambda:invoke` answers `{ StatusCode, Payload }` and reports function errors by their
 * `errorType`; `events:putEvents` answers entry ids; `states:startExecution` fails with
 * `StepFunctions.<code>`; `aws-sdk:sfn:describeExecution` answers the API's fields and fails with
 * `Sfn.<code>Exception` (the SDK integrations' naming); `sqs:sendMessage` hands the body (JSON text for an object) to the queue sink and
 * fails with `SQS.AmazonSQSException`; a `.waitForTaskToken` task waits for its token; a Wait state sleeps on the timer).
 *
 * @example
 * ```ts
 * stateMachine.run(input, { overrides: { taskResourceLocalHandlers: taskOverrides(prepared.tasks, deps) } });
 * ```
 */
export function taskOverrides(tasks: readonly LocalTaskSpec[], deps: TaskOverrideDeps): TaskHandlers {
  const invoke = async (input: unknown): Promise<unknown> => {
    const { FunctionName, Payload } = record(input);
    try {
      return await deps.invokeLambda({ functionName: String(FunctionName), payload: Payload ?? null });
    } catch (error) {
      throw invokeFailure(error);
    }
  };
  const handlers: Record<LocalTaskSpec['kind'], (task: LocalTaskSpec, input: unknown) => Promise<unknown>> = {
    lambda: async (_task, input) => ({
      ExecutedVersion: '$LATEST',
      Payload: await invoke(input),
      StatusCode: 200,
    }),
    callback: (task, input) =>
      deps.awaitCallback(task, async (token) => {
        await invoke(withTaskToken(input, token));
      }),
    wait: async (task, input) => {
      if (task.wait !== undefined) await deps.sleep(waitMilliseconds(task.wait, input, deps.now()));
      return input;
    },
    putEvents: async (_task, input) => {
      const entries = (
        Array.isArray(record(input).Entries) ? record(input).Entries : []
      ) as LocalEventEntry[];
      // The optimized integration appends the execution and state machine ARNs to every entry's Resources.
      const withResources = entries.map((entry) => ({
        ...entry,
        Resources: [...(entry.Resources ?? []), deps.executionArn, deps.stateMachineArn],
      }));
      try {
        await deps.events.putEvents(withResources, { executionArn: deps.executionArn });
      } catch (error) {
        if (isTaskFailureError(error)) throw error;
        throw new TaskFailureError('EventBridge.FailedEntry', String(error), { cause: error });
      }
      return { Entries: entries.map(() => ({ EventId: randomUUID() })), FailedEntryCount: 0 };
    },
    sendMessage: async (_task, input) => {
      const { QueueUrl, MessageBody } = record(input);
      const messageBody = typeof MessageBody === 'string' ? MessageBody : JSON.stringify(MessageBody ?? null);
      if (deps.queues === undefined) {
        throw new TaskFailureError('SQS.AmazonSQSException', `no local queue behind ${String(QueueUrl)}`);
      }
      try {
        const { messageId } = await deps.queues.sendMessage({ queueUrl: String(QueueUrl), messageBody });
        return {
          MessageId: messageId,
          MD5OfMessageBody: createHash('md5').update(messageBody).digest('hex'),
        };
      } catch (error) {
        throw new TaskFailureError('SQS.AmazonSQSException', String(error), { cause: error });
      }
    },
    startExecution: async (_task, input) => {
      const { StateMachineArn, Name, Input } = record(input);
      try {
        const started = await deps.startExecution({
          stateMachineArn: String(StateMachineArn),
          ...(typeof Name === 'string' ? { name: Name } : {}),
          input: typeof Input === 'string' ? Input : JSON.stringify(Input ?? {}),
        });
        return { ExecutionArn: started.executionArn, StartDate: started.startDate.toISOString() };
      } catch (error) {
        if (isLocalStepFunctionsError(error))
          throw new TaskFailureError(`StepFunctions.${error.code}`, error.message);
        throw error;
      }
    },
    describeExecution: async (_task, input) => {
      try {
        const found = await deps.describeExecution({ executionArn: String(record(input).ExecutionArn) });
        return {
          ExecutionArn: found.executionArn,
          StateMachineArn: found.stateMachineArn,
          Name: found.name,
          Status: found.status,
          StartDate: found.startDate.toISOString(),
          ...(found.stopDate === undefined ? {} : { StopDate: found.stopDate.toISOString() }),
        };
      } catch (error) {
        if (isLocalStepFunctionsError(error))
          throw new TaskFailureError(`Sfn.${error.code}Exception`, error.message);
        throw error;
      }
    },
  };
  return Object.fromEntries(
    tasks.map((task) => [
      task.stateName,
      async (input: JsonValue) => asJson(await handlers[task.kind](task, input)),
    ]),
  );
}
