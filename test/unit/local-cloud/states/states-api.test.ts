import { afterEach, describe, expect, it } from 'vitest';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import { arnOf, deploymentOf, statesUnderTest } from './states-fixture.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const pass = { StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } };
/** Fails when the input says so, else passes. */
const choosy = {
  StartAt: 'Check',
  States: {
    Check: {
      Type: 'Choice',
      Choices: [{ Variable: '$.fail', IsPresent: true, Next: 'Fail' }],
      Default: 'Done',
    },
    Fail: { Type: 'Fail', Error: 'OrderRejected', Cause: 'asked to' },
    Done: { Type: 'Pass', End: true },
  },
};
const hold = { StartAt: 'Hold', States: { Hold: { Type: 'Wait', Seconds: 60, End: true } } };

function api() {
  const clock = new LocalClock({ start: Date.UTC(2026, 0, 1) });
  const under = statesUnderTest(
    deploymentOf([
      { name: 'choosy', definition: choosy },
      { name: 'hold', definition: hold },
      { name: 'quick', definition: pass, type: 'EXPRESS' },
    ]),
    {},
    { clock },
  );
  close = under.states.close;
  return { ...under, clock };
}

describe('the local Step Functions API', () => {
  it('lists a machine executions newest first, filtered by status, a page at a time', async () => {
    const { ok, states, clock } = api();
    for (const n of [1, 2, 3, 4, 5]) {
      const input = n % 2 === 0 ? '{"fail":true}' : '{}';
      const { executionArn } = (await ok('StartExecution', {
        stateMachineArn: arnOf('choosy'),
        name: `o-${n}`,
        input,
      })) as {
        executionArn: string;
      };
      await states.engine.waitForExecution(executionArn);
      await clock.advance('1s');
    }
    const first = await ok('ListExecutions', { stateMachineArn: arnOf('choosy'), maxResults: 2 });
    const names = (page: Record<string, unknown>) =>
      (page.executions as { name: string }[]).map((e) => e.name);
    expect(names(first)).toEqual(['o-5', 'o-4']);
    const second = await ok('ListExecutions', {
      stateMachineArn: arnOf('choosy'),
      maxResults: 2,
      nextToken: first.nextToken,
    });
    const third = await ok('ListExecutions', {
      stateMachineArn: arnOf('choosy'),
      maxResults: 2,
      nextToken: second.nextToken,
    });
    expect([names(second), names(third), third.nextToken]).toEqual([['o-3', 'o-2'], ['o-1'], undefined]);
    const failed = await ok('ListExecutions', { stateMachineArn: arnOf('choosy'), statusFilter: 'FAILED' });
    expect(names(failed)).toEqual(['o-4', 'o-2']);
    expect(failed.executions).toContainEqual(
      expect.objectContaining({ status: 'FAILED', startDate: Date.UTC(2026, 0, 1, 0, 0, 3) / 1_000 }),
    );
  });

  it('describes an execution with its output or its error, and answers its history in order', async () => {
    const { ok, states } = api();
    const { executionArn } = (await ok('StartExecution', {
      stateMachineArn: arnOf('choosy'),
      input: '{"fail":1}',
    })) as {
      executionArn: string;
    };
    await states.engine.waitForExecution(executionArn);
    expect(await ok('DescribeExecution', { executionArn })).toMatchObject({
      status: 'FAILED',
      error: 'OrderRejected',
      cause: 'asked to',
      input: '{"fail":1}',
      stateMachineArn: arnOf('choosy'),
    });
    const history = (await ok('GetExecutionHistory', { executionArn, reverseOrder: true })) as {
      events: { id: number; type: string }[];
    };
    expect(history.events.map((event) => [event.id, event.type])).toEqual([
      [5, 'ExecutionFailed'],
      [4, 'FailStateEntered'],
      [3, 'ChoiceStateExited'],
      [2, 'ChoiceStateEntered'],
      [1, 'ExecutionStarted'],
    ]);
  });

  it('answers the AWS error codes for missing, malformed, duplicate and unsupported requests', async () => {
    const { ok, errorOf } = api();
    const missingMachine = arnOf('nope');
    const execution = 'arn:aws:states:eu-west-1:123456789012:execution:choosy:never';
    await ok('StartExecution', { stateMachineArn: arnOf('hold'), name: 'once', input: '{}' });
    expect({
      startUnknown: await errorOf('StartExecution', { stateMachineArn: missingMachine }),
      listUnknown: await errorOf('ListExecutions', { stateMachineArn: missingMachine }),
      describeMachine: await errorOf('DescribeStateMachine', { stateMachineArn: missingMachine }),
      badArn: await errorOf('DescribeExecution', { executionArn: 'not-an-arn' }),
      badMachineArn: await errorOf('StartExecution', { stateMachineArn: 'arn:aws:sqs:x' }),
      noExecution: await errorOf('DescribeExecution', { executionArn: execution }),
      noHistory: await errorOf('GetExecutionHistory', { executionArn: execution }),
      noStop: await errorOf('StopExecution', { executionArn: execution }),
      duplicate: await errorOf('StartExecution', {
        stateMachineArn: arnOf('hold'),
        name: 'once',
        input: '{"x":1}',
      }),
      badInput: await errorOf('StartExecution', { stateMachineArn: arnOf('hold'), input: '{' }),
      badName: await errorOf('StartExecution', { stateMachineArn: arnOf('hold'), name: 'a b' }),
      syncStandard: await errorOf('StartSyncExecution', { stateMachineArn: arnOf('hold') }),
      noToken: await errorOf('SendTaskSuccess', { output: '{}' }),
      badPage: await errorOf('ListExecutions', { stateMachineArn: arnOf('hold'), nextToken: 'garbage' }),
      unknownOperation: await errorOf('CreateActivity', { name: 'a' }),
    }).toEqual({
      startUnknown: 'StateMachineDoesNotExist',
      listUnknown: 'StateMachineDoesNotExist',
      describeMachine: 'StateMachineDoesNotExist',
      badArn: 'InvalidArn',
      badMachineArn: 'InvalidArn',
      noExecution: 'ExecutionDoesNotExist',
      noHistory: 'ExecutionDoesNotExist',
      noStop: 'ExecutionDoesNotExist',
      duplicate: 'ExecutionAlreadyExists',
      badInput: 'InvalidExecutionInput',
      badName: 'InvalidName',
      syncStandard: 'StateMachineTypeNotSupported',
      noToken: 'ValidationException',
      badPage: 'InvalidToken',
      unknownOperation: 'UnknownOperationException',
    });
  });

  it('returns the running execution for a repeated start with the same name and input, and stops it', async () => {
    const { ok, states } = api();
    const start = { stateMachineArn: arnOf('hold'), name: 'same', input: '{"a":1}' };
    const first = await ok('StartExecution', start);
    expect(await ok('StartExecution', start)).toEqual(first);
    await ok('StopExecution', { executionArn: first.executionArn });
    expect(await states.engine.describeExecution({ executionArn: String(first.executionArn) })).toMatchObject(
      {
        status: 'ABORTED',
      },
    );
  });

  it('runs an EXPRESS execution to its end in StartSyncExecution', async () => {
    const { ok } = api();
    expect(
      await ok('StartSyncExecution', { stateMachineArn: arnOf('quick'), input: '{"orderId":"o-1"}' }),
    ).toMatchObject({
      status: 'SUCCEEDED',
      output: '{"orderId":"o-1"}',
      executionArn: expect.stringMatching(/^arn:aws:states:eu-west-1:123456789012:express:quick:/),
    });
  });

  it('lists and describes the deployment machines', async () => {
    const { ok } = api();
    const { stateMachines } = (await ok('ListStateMachines', {})) as {
      stateMachines: { name: string; type: string }[];
    };
    expect(stateMachines.map((machine) => [machine.name, machine.type])).toEqual([
      ['choosy', 'STANDARD'],
      ['hold', 'STANDARD'],
      ['quick', 'EXPRESS'],
    ]);
    const described = await ok('DescribeStateMachine', { stateMachineArn: arnOf('choosy') });
    expect(JSON.parse(String(described.definition))).toEqual(choosy);
    expect(described).toMatchObject({ status: 'ACTIVE', roleArn: 'arn:aws:iam::123456789012:role/choosy' });
  });

  it('journals each execution start, each state entered and exited, and the end with its output', async () => {
    const { ok, states, context } = api();
    const { executionArn } = (await ok('StartExecution', {
      stateMachineArn: arnOf('choosy'),
      name: 'o-42',
      input: '{"orderId":"o-42"}',
    })) as {
      executionArn: string;
    };
    await states.engine.waitForExecution(executionArn);
    const entries = context.journal.entries().filter((entry) => entry.payload.includes('o-42'));
    expect(entries.map((entry) => [entry.service, entry.resource, entry.action, entry.detail])).toEqual([
      ['states', 'choosy', 'ExecutionStarted', undefined],
      ['states', 'choosy', 'StateEntered', 'Check'],
      ['states', 'choosy', 'StateExited', 'Check'],
      ['states', 'choosy', 'StateEntered', 'Done'],
      ['states', 'choosy', 'StateExited', 'Done'],
      ['states', 'choosy', 'ExecutionSucceeded', undefined],
    ]);
    expect(JSON.parse(entries.at(-1)?.payload ?? '')).toEqual({ executionArn, output: { orderId: 'o-42' } });
  });
});
