import type { ExecutionDescription, ExecutionStatus } from '../../stepfunctions/local-execution.js';
import type { LocalStepFunctions } from '../../stepfunctions/local-step-functions.js';
import { AwsServiceError, type JsonOperation } from '../endpoint/aws-service.js';
import type { LocalStateMachine } from '../local-deployment.js';
import { apiHistory } from './history-events.js';
import { answering, executionArnOf, optional, page, required, stateMachineArnOf } from './states-request.js';

/** What the operations read besides the engine: the deployment's machines and when they were created. */
export interface StatesOperationsDeps {
  readonly engine: LocalStepFunctions;
  readonly machines: ReadonlyMap<string, LocalStateMachine>;
  /** Epoch milliseconds the machines were created at (the service's start). */
  readonly createdAt: number;
}

const STATUSES: readonly ExecutionStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];
const epochSeconds = (date: Date | undefined): number | undefined =>
  date === undefined ? undefined : date.getTime() / 1_000;

/** DescribeExecution's answer; the JSON protocol sends timestamps as epoch seconds. */
function described(execution: ExecutionDescription): Record<string, unknown> {
  return {
    executionArn: execution.executionArn,
    stateMachineArn: execution.stateMachineArn,
    name: execution.name,
    status: execution.status,
    startDate: epochSeconds(execution.startDate),
    stopDate: epochSeconds(execution.stopDate),
    input: execution.input,
    inputDetails: { included: true },
    ...(execution.output === undefined
      ? {}
      : { output: execution.output, outputDetails: { included: true } }),
    error: execution.error,
    cause: execution.cause,
  };
}

/**
 * The Step Functions API operations the local cloud serves, on the engine: each validates its request as AWS
 * does (`ValidationException`, `InvalidArn`) and answers the engine's errors with their AWS codes.
 */
export function statesOperations(deps: StatesOperationsDeps): Record<string, JsonOperation> {
  const { engine } = deps;
  const machine = (input: Record<string, unknown>): LocalStateMachine => {
    const arn = stateMachineArnOf(input);
    const found = deps.machines.get(arn);
    if (found === undefined) {
      throw new AwsServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    }
    return found;
  };
  const start = (input: Record<string, unknown>) =>
    answering(() =>
      engine.startExecution({
        stateMachineArn: stateMachineArnOf(input),
        ...(optional(input, 'name') === undefined ? {} : { name: optional(input, 'name') }),
        ...(optional(input, 'input') === undefined ? {} : { input: optional(input, 'input') }),
      }),
    );
  return {
    StartExecution: async (input) => {
      const { executionArn, startDate } = await start(input);
      return { executionArn, startDate: epochSeconds(startDate) };
    },
    StartSyncExecution: async (input) => {
      if (machine(input).type !== 'EXPRESS') {
        throw new AwsServiceError(
          'StateMachineTypeNotSupported',
          'This operation is not supported by this type of state machine',
        );
      }
      const { executionArn } = await start(input);
      const done = await engine.waitForExecution(executionArn);
      return {
        ...described(done),
        billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: 100 },
      };
    },
    DescribeExecution: async (input) =>
      described(await answering(() => engine.describeExecution({ executionArn: executionArnOf(input) }))),
    GetExecutionHistory: async (input) => {
      const executionArn = executionArnOf(input);
      const history = await answering(() => engine.getExecutionHistory(executionArn));
      const execution = await engine.describeExecution({ executionArn });
      const roleArn = deps.machines.get(execution.stateMachineArn)?.roleArn ?? '';
      const events = apiHistory(history, roleArn);
      const { items, nextToken } = page(input.reverseOrder === true ? events.reverse() : events, input);
      return { events: items, nextToken };
    },
    ListExecutions: async (input) => {
      const { arn } = machine(input);
      const status = optional(input, 'statusFilter');
      if (status !== undefined && !STATUSES.includes(status as ExecutionStatus)) {
        throw new AwsServiceError(
          'ValidationException',
          `'statusFilter' must be one of ${STATUSES.join(', ')}`,
        );
      }
      // Newest first, as AWS lists them.
      const executions = engine
        .listExecutions({ stateMachineArn: arn })
        .filter((execution) => status === undefined || execution.status === status)
        .sort((a, b) => b.startDate.getTime() - a.startDate.getTime());
      const { items, nextToken } = page(executions, input);
      return {
        executions: items.map((execution) => ({
          executionArn: execution.executionArn,
          stateMachineArn: execution.stateMachineArn,
          name: execution.name,
          status: execution.status,
          startDate: epochSeconds(execution.startDate),
          stopDate: epochSeconds(execution.stopDate),
        })),
        nextToken,
      };
    },
    StopExecution: async (input) => {
      const { stopDate } = await answering(() =>
        engine.stopExecution({ executionArn: executionArnOf(input) }),
      );
      return { stopDate: epochSeconds(stopDate) };
    },
    SendTaskSuccess: async (input) => {
      const taskToken = required(input, 'taskToken');
      await answering(() => engine.sendTaskSuccess({ taskToken, output: required(input, 'output') }));
      return {};
    },
    SendTaskFailure: async (input) => {
      const taskToken = required(input, 'taskToken');
      const error = optional(input, 'error');
      const cause = optional(input, 'cause');
      await answering(() =>
        engine.sendTaskFailure({
          taskToken,
          ...(error === undefined ? {} : { error }),
          ...(cause === undefined ? {} : { cause }),
        }),
      );
      return {};
    },
    SendTaskHeartbeat: async (input) => {
      await answering(() => engine.sendTaskHeartbeat({ taskToken: required(input, 'taskToken') }));
      return {};
    },
    ListStateMachines: async (input) => {
      const { items, nextToken } = page([...deps.machines.values()], input);
      return {
        stateMachines: items.map((found) => ({
          stateMachineArn: found.arn,
          name: found.name,
          type: found.type,
          creationDate: deps.createdAt / 1_000,
        })),
        nextToken,
      };
    },
    DescribeStateMachine: async (input) => {
      const found = machine(input);
      return {
        stateMachineArn: found.arn,
        name: found.name,
        status: 'ACTIVE',
        definition: JSON.stringify(found.definition),
        roleArn: found.roleArn ?? '',
        type: found.type,
        creationDate: deps.createdAt / 1_000,
        loggingConfiguration: { level: found.loggingLevel, includeExecutionData: found.includeExecutionData },
      };
    },
  };
}
