import {
  ExecutionAlreadyExists,
  SFNClient,
  SFNServiceException,
  StartExecutionCommand,
  StateMachineDoesNotExist,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ExecutionAlreadyStartedError,
  ExecutionStartRejectedError,
  ExecutionStartUnavailableError,
} from '../../../../lambdas/agents/saga-starter/saga-starter-error.js';
import { SfnExecutionStarter } from '../../../../lambdas/agents/saga-starter/sfn-execution-starter.js';
import { isTransientError } from '../../../../lambdas/runtime/lambda/is-transient-error.js';

const client = new SFNClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
});
const sfn = mockClient(client);
afterEach(() => sfn.reset());

const stateMachineArn = 'arn:aws:states:us-east-1:123456789012:stateMachine:agentbridge-order-saga';
const starter = new SfnExecutionStarter({ client, stateMachineArn });
const order = { orderId: 'o-1', userId: 'u-1', items: [{ sku: 'A', quantity: 1, unitPrice: 100 }] };
const failure = async (error: Error): Promise<unknown> => {
  sfn.on(StartExecutionCommand).rejects(error);
  return starter.start({ name: 'o-1', input: order }).then(
    () => expect.unreachable('start should have failed'),
    (thrown: unknown) => thrown,
  );
};

describe('SfnExecutionStarter', () => {
  it('starts the execution named after the request, with its input as JSON', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:exec:o-1', startDate: new Date() });
    await expect(starter.start({ name: 'o-1', input: order })).resolves.toEqual({
      executionArn: 'arn:exec:o-1',
    });
    const [call] = sfn.commandCalls(StartExecutionCommand);
    expect(call?.args[0].input).toEqual({ stateMachineArn, name: 'o-1', input: JSON.stringify(order) });
  });

  it('translates ExecutionAlreadyExists into ExecutionAlreadyStartedError', async () => {
    const thrown = await failure(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));
    expect(thrown).toBeInstanceOf(ExecutionAlreadyStartedError);
    expect(thrown).toMatchObject({ executionName: 'o-1', code: 'EXECUTION_ALREADY_STARTED' });
  });

  it('makes throttling a transient error, so the event is redelivered', async () => {
    const throttled = new SFNServiceException({
      name: 'ThrottlingException',
      $fault: 'client',
      $metadata: {},
      message: 'Rate exceeded',
    });
    const thrown = await failure(throttled);
    expect(thrown).toBeInstanceOf(ExecutionStartUnavailableError);
    expect(isTransientError(thrown)).toBe(true);
  });

  it('makes a server fault or a network error transient too', async () => {
    const server = new SFNServiceException({ name: 'InternalFailure', $fault: 'server', $metadata: {} });
    expect(await failure(server)).toBeInstanceOf(ExecutionStartUnavailableError);
    expect(await failure(new Error('socket hang up'))).toBeInstanceOf(ExecutionStartUnavailableError);
  });

  it('rejects for good what a retry cannot fix, naming the service error', async () => {
    const thrown = await failure(new StateMachineDoesNotExist({ message: 'no such machine', $metadata: {} }));
    expect(thrown).toBeInstanceOf(ExecutionStartRejectedError);
    expect(thrown).toMatchObject({ serviceCode: 'StateMachineDoesNotExist', executionName: 'o-1' });
    expect(isTransientError(thrown)).toBe(false);
  });
});
