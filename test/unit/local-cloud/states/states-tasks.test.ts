import { afterEach, describe, expect, it } from 'vitest';
import { AwsServiceError } from '../../../../local/cloud/endpoint/aws-service.js';
import type {
  FunctionResult,
  LocalExecutions,
  PutEventsEntry,
} from '../../../../local/cloud/local-cloud-ports.js';
import { arnOf, deploymentOf, lambdaTask, statesUnderTest } from './states-fixture.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const failure = (errorType: string, errorMessage: string): FunctionResult => ({
  payload: JSON.stringify({ errorType, errorMessage, trace: [] }),
  functionError: 'Unhandled',
});

/** Retries TransientError once, catches PaymentDeclinedError and Lambda's own exceptions into the output. */
const saga = {
  StartAt: 'Charge',
  States: {
    Charge: lambdaTask({
      Retry: [{ ErrorEquals: ['TransientError'], IntervalSeconds: 1, MaxAttempts: 1 }],
      Catch: [
        {
          ErrorEquals: ['PaymentDeclinedError', 'Lambda.TooManyRequestsException'],
          ResultPath: '$.error',
          Next: 'Declined',
        },
      ],
      End: true,
    }),
    Declined: { Type: 'Pass', End: true },
  },
};

function run(results: (FunctionResult | Error)[]) {
  const invoked: { name: string; payload: string }[] = [];
  const under = statesUnderTest(deploymentOf([{ name: 'saga', definition: saga }]), {
    functions: {
      invoke: async (name, payload) => {
        invoked.push({ name, payload });
        const next = results.shift();
        if (next instanceof Error) throw next;
        return next ?? { payload: '{}', functionError: undefined };
      },
      invokeAsync: async () => undefined,
    },
  });
  close = under.states.close;
  return { ...under, invoked };
}

describe('the local Step Functions service runs tasks on the other local services', () => {
  it('hands a Lambda task its payload and takes the function result as the task result', async () => {
    const { states, invoked } = run([{ payload: '{"charged":12}', functionError: undefined }]);
    const { executionArn } = await states.executions.startExecution({
      stateMachineArn: arnOf('saga'),
      input: '{"orderId":"o-1"}',
    });
    const done = await states.engine.waitForExecution(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? '')).toEqual({ charged: 12 });
    expect(invoked).toEqual([
      { name: 'arn:aws:lambda:eu-west-1:123456789012:function:worker', payload: '{"orderId":"o-1"}' },
    ]);
  });

  it('fails a task with the function error type, so Retry on TransientError and Catch by error name apply', async () => {
    const declined = failure('PaymentDeclinedError', 'card refused');
    const { states, invoked } = run([failure('TransientError', 'blip'), declined]);
    const { executionArn } = await states.executions.startExecution({
      stateMachineArn: arnOf('saga'),
      input: '{}',
    });
    const done = await states.engine.waitForExecution(executionArn);
    expect(invoked).toHaveLength(2);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? '')).toEqual({
      error: { Error: 'PaymentDeclinedError', Cause: declined.payload },
    });
  });

  it('fails the execution with the error type when nothing catches it', async () => {
    const { states } = run([failure('TransientError', 'one'), failure('TransientError', 'two')]);
    const { executionArn } = await states.executions.startExecution({
      stateMachineArn: arnOf('saga'),
      input: '{}',
    });
    const done = await states.engine.waitForExecution(executionArn);
    expect(done).toMatchObject({ status: 'FAILED', error: 'TransientError' });
    expect(JSON.parse(done.cause ?? '')).toMatchObject({ errorMessage: 'two' });
  });

  it('names a refused invocation Lambda.<exception> and a function error without a type Lambda.Unknown', async () => {
    const throttled = new AwsServiceError('TooManyRequestsException', 'Rate Exceeded.', { status: 429 });
    const first = run([throttled]);
    const caught = await first.states.engine.waitForExecution(
      (await first.states.executions.startExecution({ stateMachineArn: arnOf('saga') })).executionArn,
    );
    expect(JSON.parse(caught.output ?? '')).toMatchObject({
      error: { Error: 'Lambda.TooManyRequestsException' },
    });
    await first.states.close();
    const second = run([
      { payload: '{"errorMessage":"Task timed out after 3.00 seconds"}', functionError: 'Unhandled' },
    ]);
    const crashed = await second.states.engine.waitForExecution(
      (await second.states.executions.startExecution({ stateMachineArn: arnOf('saga') })).executionArn,
    );
    expect(crashed).toMatchObject({ status: 'FAILED', error: 'Lambda.Unknown' });
  });

  it('puts events on the local bus with Detail as JSON text and sends messages to the local queue', async () => {
    const put: PutEventsEntry[] = [];
    const sent: { queue: string; body: string }[] = [];
    const definition = {
      StartAt: 'Publish',
      States: {
        Publish: {
          Type: 'Task',
          Resource: 'arn:aws:states:::events:putEvents',
          Parameters: {
            Entries: [
              { EventBusName: 'orders', Source: 'orders.saga', DetailType: 'OrderPlaced', 'Detail.$': '$' },
            ],
          },
          ResultPath: null,
          Next: 'Park',
        },
        Park: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage',
          Parameters: { QueueUrl: 'http://127.0.0.1:4566/123456789012/parked', 'MessageBody.$': '$' },
          End: true,
        },
      },
    };
    const { states } = statesUnderTest(deploymentOf([{ name: 'publisher', definition }]), {
      events: {
        putEvents: async (entries) => {
          put.push(...entries);
          return { FailedEntryCount: 0, Entries: entries.map(() => ({ EventId: 'e' })) };
        },
      },
      queues: {
        sendMessage: async (message) => {
          sent.push(message);
          return { messageId: 'm-1' };
        },
      },
    });
    close = states.close;
    const { executionArn } = await states.executions.startExecution({
      stateMachineArn: arnOf('publisher'),
      input: '{"orderId":"o-7"}',
    });
    const done = await states.engine.waitForExecution(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(put).toEqual([
      {
        EventBusName: 'orders',
        Source: 'orders.saga',
        DetailType: 'OrderPlaced',
        Detail: '{"orderId":"o-7"}',
        Resources: [executionArn, arnOf('publisher')],
      },
    ]);
    expect(sent).toEqual([{ queue: 'http://127.0.0.1:4566/123456789012/parked', body: '{"orderId":"o-7"}' }]);
    expect(JSON.parse(done.output ?? '')).toMatchObject({ MessageId: 'm-1' });
  });

  it('fails an events task whose entry the bus refused with EventBridge.FailedEntry', async () => {
    const definition = {
      StartAt: 'Publish',
      States: {
        Publish: {
          Type: 'Task',
          Resource: 'arn:aws:states:::events:putEvents',
          Parameters: { Entries: [{ Source: 's', DetailType: 'T', Detail: {} }] },
          End: true,
        },
      },
    };
    const { states } = statesUnderTest(deploymentOf([{ name: 'publisher', definition }]), {
      events: {
        putEvents: async () => ({
          FailedEntryCount: 1,
          Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'down' }],
        }),
      },
    });
    close = states.close;
    const { executionArn } = await states.executions.startExecution({ stateMachineArn: arnOf('publisher') });
    expect(await states.engine.waitForExecution(executionArn)).toMatchObject({
      status: 'FAILED',
      error: 'EventBridge.FailedEntry',
      cause: 'InternalFailure: down',
    });
  });

  it('starts a nested execution on itself and answers other services through its port with AWS codes', async () => {
    const parent = {
      StartAt: 'StartChild',
      States: {
        StartChild: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution',
          Parameters: { StateMachineArn: arnOf('child'), 'Name.$': '$.orderId', 'Input.$': '$' },
          End: true,
        },
      },
    };
    const child = { StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } };
    const { states, ok } = statesUnderTest(
      deploymentOf([
        { name: 'parent', definition: parent },
        { name: 'child', definition: child },
      ]),
    );
    close = states.close;
    const executions: LocalExecutions = states.executions;
    const started = await executions.startExecution({
      stateMachineArn: arnOf('parent'),
      name: 'p-1',
      input: '{"orderId":"o-9"}',
    });
    await states.engine.waitForExecution(started.executionArn);
    const childArn = `arn:aws:states:eu-west-1:123456789012:execution:child:o-9`;
    expect(await states.engine.waitForExecution(childArn)).toMatchObject({
      status: 'SUCCEEDED',
      input: '{"orderId":"o-9"}',
    });
    expect(await ok('ListExecutions', { stateMachineArn: arnOf('child') })).toMatchObject({
      executions: [{ name: 'o-9' }],
    });
    await expect(
      executions.startExecution({ stateMachineArn: arnOf('parent'), name: 'p-1', input: '{"other":1}' }),
    ).rejects.toMatchObject({
      awsCode: 'ExecutionAlreadyExists',
    });
    await expect(executions.startExecution({ stateMachineArn: arnOf('missing') })).rejects.toMatchObject({
      awsCode: 'StateMachineDoesNotExist',
    });
  });
});
