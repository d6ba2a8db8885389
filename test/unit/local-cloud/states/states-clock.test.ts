import { afterEach, describe, expect, it } from 'vitest';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import { arnOf, deploymentOf, statesUnderTest } from './states-fixture.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const START = Date.UTC(2026, 0, 1);

/** Parks on a task token for up to three days, with a heartbeat every day. */
const lifecycle = {
  StartAt: 'AwaitShipment',
  States: {
    AwaitShipment: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: 'parker',
        Payload: { 'token.$': '$$.Task.Token', 'orderId.$': '$.orderId' },
      },
      TimeoutSeconds: 3 * 86_400,
      HeartbeatSeconds: 86_400,
      End: true,
    },
  },
};

function parked() {
  const clock = new LocalClock({ start: START });
  const tokens: string[] = [];
  const under = statesUnderTest(
    deploymentOf([{ name: 'lifecycle', definition: lifecycle }]),
    {
      functions: {
        invoke: async (_name, payload) => {
          tokens.push((JSON.parse(payload) as { token: string }).token);
          return { payload: 'null', functionError: undefined };
        },
        invokeAsync: async () => undefined,
      },
    },
    { clock },
  );
  close = under.states.close;
  const start = async (name: string) => {
    const { executionArn } = await under.states.executions.startExecution({
      stateMachineArn: arnOf('lifecycle'),
      name,
      input: JSON.stringify({ orderId: name }),
    });
    await under.states.engine.waitUntilParked(executionArn);
    return executionArn;
  };
  return { ...under, clock, tokens, start };
}

describe('the local Step Functions service keeps time on the local cloud clock', () => {
  it('resumes a parked execution with SendTaskSuccess, then answers the spent token TaskTimedOut', async () => {
    const { ok, errorOf, tokens, start, states } = parked();
    const executionArn = await start('o-1');
    expect(tokens).toHaveLength(1);
    await ok('SendTaskSuccess', { taskToken: tokens[0], output: '{"shipped":true}' });
    expect(await states.engine.waitForExecution(executionArn)).toMatchObject({
      status: 'SUCCEEDED',
      output: '{"shipped":true}',
    });
    expect(await errorOf('SendTaskSuccess', { taskToken: tokens[0], output: '{}' })).toBe('TaskTimedOut');
    expect(await errorOf('SendTaskHeartbeat', { taskToken: 'never-issued' })).toBe('InvalidToken');
    expect(await errorOf('SendTaskSuccess', { taskToken: tokens[0], output: 'not json' })).toBe(
      'InvalidOutput',
    );
  });

  it('expires a three-day callback when the clock advances three days, heartbeats keeping it alive', async () => {
    const { ok, tokens, start, states, clock } = parked();
    const executionArn = await start('o-2');
    for (const day of [1, 2, 3]) {
      await clock.advance('23h');
      await ok('SendTaskHeartbeat', { taskToken: tokens[0] });
      expect((await states.engine.describeExecution({ executionArn })).status, `day ${day}`).toBe('RUNNING');
    }
    await clock.advance('2h59m');
    expect((await states.engine.describeExecution({ executionArn })).status).toBe('RUNNING');
    await clock.advance('1m');
    expect(await states.engine.waitForExecution(executionArn)).toMatchObject({
      status: 'FAILED',
      error: 'States.Timeout',
    });
    expect((await states.engine.describeExecution({ executionArn })).stopDate?.getTime()).toBe(
      START + 3 * 86_400_000,
    );
  });

  it('shows a parked callback as TaskSubmitted, the last event of its history until the token returns', async () => {
    const { ok, tokens, start, states } = parked();
    const executionArn = await start('o-5');
    const types = async () =>
      ((await ok('GetExecutionHistory', { executionArn })).events as { type: string }[]).map(
        (event) => event.type,
      );
    expect((await types()).slice(-2)).toEqual(['TaskStateEntered', 'TaskSubmitted']);
    await ok('SendTaskSuccess', { taskToken: tokens[0], output: '{}' });
    await states.engine.waitForExecution(executionArn);
    expect((await types()).slice(-3)).toEqual(['TaskSubmitted', 'TaskStateExited', 'ExecutionSucceeded']);
  });

  it('fails a callback that misses its heartbeat with States.HeartbeatTimeout', async () => {
    const { start, states, clock } = parked();
    const executionArn = await start('o-3');
    await clock.advance('1d');
    expect(await states.engine.waitForExecution(executionArn)).toMatchObject({
      error: 'States.HeartbeatTimeout',
    });
  });

  it('fails a callback with the error and cause SendTaskFailure gives', async () => {
    const { ok, tokens, start, states } = parked();
    const executionArn = await start('o-4');
    await ok('SendTaskFailure', { taskToken: tokens[0], error: 'ShipmentLost', cause: 'the truck' });
    expect(await states.engine.waitForExecution(executionArn)).toMatchObject({
      status: 'FAILED',
      error: 'ShipmentLost',
      cause: 'the truck',
    });
  });

  it('holds a Wait state until the clock reaches it, by Seconds and by TimestampPath', async () => {
    const clock = new LocalClock({ start: START });
    const definition = {
      StartAt: 'Cool',
      States: {
        Cool: { Type: 'Wait', Seconds: 3_600, Next: 'Until' },
        Until: { Type: 'Wait', TimestampPath: '$.until', Next: 'Done' },
        Done: { Type: 'Pass', Result: 'done', ResultPath: '$.state', End: true },
      },
    };
    const { states, ok } = statesUnderTest(deploymentOf([{ name: 'waiter', definition }]), {}, { clock });
    close = states.close;
    const until = new Date(START + 86_400_000).toISOString();
    const { executionArn } = await states.executions.startExecution({
      stateMachineArn: arnOf('waiter'),
      input: JSON.stringify({ until }),
    });
    await clock.advance('59m');
    expect((await states.engine.describeExecution({ executionArn })).status).toBe('RUNNING');
    await clock.advance('1m');
    await clock.advance('22h');
    expect((await states.engine.describeExecution({ executionArn })).status).toBe('RUNNING');
    await clock.advance('1h');
    expect(await states.engine.waitForExecution(executionArn)).toMatchObject({
      status: 'SUCCEEDED',
      output: JSON.stringify({ until, state: 'done' }),
    });
    const { events } = (await ok('GetExecutionHistory', { executionArn })) as { events: { type: string }[] };
    expect(events.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'WaitStateEntered',
      'WaitStateExited',
      'WaitStateEntered',
      'WaitStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
  });
});
