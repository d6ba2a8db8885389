import { afterEach, describe, expect, it } from 'vitest';
import { LocalStepFunctions } from '../../../../local/stepfunctions/local-step-functions.js';
import {
  InvalidDefinitionError,
  isLocalStepFunctionsError,
} from '../../../../local/stepfunctions/local-step-functions-error.js';

/** Parks its input on a queue, as the order saga's ParkSaga state does. */
const park = JSON.stringify({
  StartAt: 'Park',
  States: {
    Park: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage',
      Parameters: { QueueUrl: 'https://sqs.local/parked', 'MessageBody.$': '$' },
      ResultPath: '$.sent',
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'NotParked' }],
      End: true,
    },
    NotParked: { Type: 'Fail', Error: 'NotParked' },
  },
});
const noLambda = async (): Promise<unknown> => null;
const noEvents = { putEvents: async () => {} };

let sfn: LocalStepFunctions | undefined;
afterEach(async () => {
  await sfn?.close();
  sfn = undefined;
});

describe('LocalStepFunctions: EXPRESS machines and sqs:sendMessage', () => {
  it('starts a new EXPRESS execution for every start of a name, each with its own ARN', async () => {
    const sent: string[] = [];
    sfn = new LocalStepFunctions({
      lambda: noLambda,
      events: noEvents,
      queues: { sendMessage: async ({ messageBody }) => ({ messageId: String(sent.push(messageBody)) }) },
    });
    const { stateMachineArn } = sfn.createStateMachine({ name: 'saga', definition: park, type: 'EXPRESS' });
    const first = await sfn.startExecution({ stateMachineArn, name: 'o-1', input: '{"n":1}' });
    const second = await sfn.startExecution({ stateMachineArn, name: 'o-1', input: '{"n":1}' });

    expect(first.executionArn).not.toBe(second.executionArn);
    expect(first.executionArn).toMatch(
      /^arn:aws:states:us-east-1:000000000000:express:saga:o-1:[0-9a-f-]{36}$/,
    );
    expect((await sfn.waitForExecution(first.executionArn)).status).toBe('SUCCEEDED');
    expect((await sfn.waitForExecution(second.executionArn)).status).toBe('SUCCEEDED');
    expect(sent.map((body) => JSON.parse(body))).toEqual([{ n: 1 }, { n: 1 }]);
  });

  it('fails the send as SQS.AmazonSQSException when the queue refuses, so the Catch applies', async () => {
    sfn = new LocalStepFunctions({
      lambda: noLambda,
      events: noEvents,
      queues: { sendMessage: async () => Promise.reject(new Error('queue down')) },
    });
    const { stateMachineArn } = sfn.createStateMachine({ name: 'saga', definition: park, type: 'EXPRESS' });
    const { executionArn } = await sfn.startExecution({ stateMachineArn, input: '{}' });
    expect(await sfn.waitForExecution(executionArn)).toMatchObject({ status: 'FAILED', error: 'NotParked' });
    expect(
      sfn.getExecutionHistory(executionArn).some((event) => event.error === 'SQS.AmazonSQSException'),
    ).toBe(true);
  });

  it('refuses a task-token wait on an EXPRESS machine, as AWS does', () => {
    sfn = new LocalStepFunctions({ lambda: noLambda, events: noEvents });
    const callback = JSON.stringify({
      StartAt: 'Wait',
      States: {
        Wait: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: { FunctionName: 'fn', Payload: { 'token.$': '$$.Task.Token' } },
          End: true,
        },
      },
    });
    const create = () => sfn?.createStateMachine({ name: 'waits', definition: callback, type: 'EXPRESS' });
    expect(create).toThrow(/EXPRESS workflows do not support/);
    try {
      create();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidDefinitionError);
    }
  });

  it('refuses a STANDARD start beyond the open-executions quota with ExecutionLimitExceeded; EXPRESS ones do not count', async () => {
    sfn = new LocalStepFunctions({
      lambda: noLambda,
      events: noEvents,
      queues: { sendMessage: async () => new Promise(() => {}) },
      openExecutionLimit: 1,
    });
    const standard = sfn.createStateMachine({ name: 'long', definition: park }).stateMachineArn;
    const express = sfn.createStateMachine({
      name: 'short',
      definition: park,
      type: 'EXPRESS',
    }).stateMachineArn;
    await sfn.startExecution({ stateMachineArn: standard, name: 'a', input: '{}' });
    await sfn.startExecution({ stateMachineArn: express, name: 'b', input: '{}' });
    const refused = await sfn
      .startExecution({ stateMachineArn: standard, name: 'c', input: '{}' })
      .catch((e) => e);
    expect(isLocalStepFunctionsError(refused) && refused.code).toBe('ExecutionLimitExceeded');
  });
});
