import { afterEach, describe, expect, it } from 'vitest';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import type { LocalEventEntry } from '../../../../local/stepfunctions/local-event-sink.js';
import type { LocalLambdaInvocation } from '../../../../local/stepfunctions/local-lambda-invoker.js';
import { LocalStepFunctions } from '../../../../local/stepfunctions/local-step-functions.js';
import {
  ExecutionAlreadyExistsError,
  InvalidDefinitionError,
  InvalidRequestError,
  InvalidTokenError,
  TaskTimedOutError,
} from '../../../../local/stepfunctions/local-step-functions-error.js';
import type { CallbackTimer } from '../../../../local/stepfunctions/long-timer.js';

const retry = [
  {
    ErrorEquals: ['TransientError'],
    IntervalSeconds: 1,
    MaxAttempts: 2,
    BackoffRate: 2,
    JitterStrategy: 'FULL',
  },
];
/** The ASL placeholder for the function ARN, as `definitionSubstitutions` fills it. */
const FN = ['$', '{Fn}'].join('');
const catchAll = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Caught' }];

/** Calls a function, waits for a callback, puts an event, starts a child: every kind of local Task. */
const definition = JSON.stringify({
  StartAt: 'Call',
  States: {
    Call: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: FN, Payload: { 'n.$': '$.n' } },
      ResultSelector: { 'doubled.$': '$.Payload.doubled' },
      ResultPath: '$.call',
      Retry: retry,
      Catch: catchAll,
      Next: 'Wait',
    },
    Wait: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: FN, Payload: { 'token.$': '$$.Task.Token' } },
      ResultPath: '$.signal',
      HeartbeatSeconds: 60,
      TimeoutSeconds: 120,
      Catch: catchAll,
      Next: 'Publish',
    },
    Publish: {
      Type: 'Task',
      Resource: 'arn:aws:states:::events:putEvents',
      Parameters: { Entries: [{ Source: 'test', DetailType: 'Done', Detail: { 'signal.$': '$.signal' } }] },
      ResultPath: null,
      Next: 'Done',
    },
    Done: { Type: 'Pass', End: true },
    Caught: { Type: 'Pass', End: true },
  },
});

let sfn: LocalStepFunctions | undefined;
afterEach(async () => {
  await sfn?.close();
  sfn = undefined;
});

function service(
  options: { failFirst?: number; callbackTimeScale?: number; callbackTimer?: CallbackTimer } = {},
) {
  const tokens: string[] = [];
  const published: LocalEventEntry[] = [];
  let failures = options.failFirst ?? 0;
  const lambda = async ({ payload }: LocalLambdaInvocation): Promise<unknown> => {
    const input = payload as { n?: number; token?: string };
    if (input.token !== undefined) {
      tokens.push(input.token);
      return null;
    }
    if (failures > 0) {
      failures -= 1;
      throw Object.assign(new Error('try again'), { name: 'TransientError' });
    }
    return { doubled: (input.n ?? 0) * 2 };
  };
  const created = new LocalStepFunctions({
    lambda,
    events: { putEvents: async (entries) => void published.push(...entries) },
    retryIntervalMs: 0,
    ...(options.callbackTimeScale === undefined ? {} : { callbackTimeScale: options.callbackTimeScale }),
    ...(options.callbackTimer === undefined ? {} : { callbackTimer: options.callbackTimer }),
  });
  sfn = created;
  const { stateMachineArn } = created.createStateMachine({
    name: 'test',
    definition,
    substitutions: { Fn: 'fn' },
  });
  return { sfn: created, stateMachineArn, tokens, published };
}

describe('LocalStepFunctions', () => {
  it('runs a Task, parks on a task token, resumes with SendTaskSuccess and puts the event', async () => {
    const { sfn, stateMachineArn, tokens, published } = service();
    const { executionArn } = await sfn.startExecution({ stateMachineArn, name: 'e-1', input: '{"n":21}' });
    expect((await sfn.waitUntilParked(executionArn)).status).toBe('RUNNING');
    expect(tokens).toHaveLength(1);

    await sfn.sendTaskSuccess({ taskToken: tokens[0] ?? '', output: '{"ok":true}' });
    const done = await sfn.waitForExecution(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? 'null')).toEqual({ n: 21, call: { doubled: 42 }, signal: { ok: true } });
    expect(published).toEqual([
      expect.objectContaining({
        DetailType: 'Done',
        Detail: { signal: { ok: true } },
        Resources: [executionArn, stateMachineArn],
      }),
    ]);
  });

  it('retries the errors a Retry names and records the retries in the history', async () => {
    const { sfn, stateMachineArn } = service({ failFirst: 2 });
    const { executionArn } = await sfn.startExecution({ stateMachineArn, input: '{"n":1}' });
    await sfn.waitUntilParked(executionArn);
    const history = sfn.getExecutionHistory(executionArn);
    expect(
      history.filter((event) => event.type === 'StateRetried' && event.stateName === 'Call'),
    ).toHaveLength(2);
  });

  it('routes SendTaskFailure to the Catch, keeping the input under ResultPath', async () => {
    const { sfn, stateMachineArn, tokens } = service();
    const { executionArn } = await sfn.startExecution({ stateMachineArn, input: '{"n":1}' });
    await sfn.waitUntilParked(executionArn);
    await sfn.sendTaskFailure({ taskToken: tokens[0] ?? '', error: 'Rejected', cause: 'no' });
    const done = await sfn.waitForExecution(executionArn);
    expect(JSON.parse(done.output ?? 'null')).toMatchObject({
      n: 1,
      error: { Error: 'Rejected', Cause: 'no' },
    });
  });

  it('answers TaskTimedOut for a used token and InvalidToken for one never issued', async () => {
    const { sfn, stateMachineArn, tokens } = service();
    const { executionArn } = await sfn.startExecution({ stateMachineArn, input: '{"n":1}' });
    await sfn.waitUntilParked(executionArn);
    const token = tokens[0] ?? '';
    await sfn.sendTaskSuccess({ taskToken: token, output: '{}' });
    await expect(sfn.sendTaskSuccess({ taskToken: token, output: '{}' })).rejects.toBeInstanceOf(
      TaskTimedOutError,
    );
    await expect(sfn.sendTaskHeartbeat({ taskToken: 'nope' })).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('times a callback out by HeartbeatSeconds, unless heartbeats keep it alive', async () => {
    const timers = new LocalClock({ start: 0 });
    const { sfn, stateMachineArn, tokens } = service({ callbackTimer: timers.schedule });
    const { executionArn } = await sfn.startExecution({ stateMachineArn, input: '{"n":1}' });
    await sfn.waitUntilParked(executionArn);
    await timers.advance(40_000);
    await sfn.sendTaskHeartbeat({ taskToken: tokens[0] ?? '' });
    // 80 s in: past the first 60 s deadline, alive because the heartbeat at 40 s moved it to 100 s.
    await timers.advance(40_000);
    expect((await sfn.describeExecution({ executionArn })).status).toBe('RUNNING');
    await timers.advance(20_000);
    const done = await sfn.waitForExecution(executionArn);
    expect(JSON.parse(done.output ?? 'null')).toMatchObject({ error: { Error: 'States.HeartbeatTimeout' } });
  });

  it('scales callback deadlines by callbackTimeScale (a 60 s heartbeat at 1e-3 is 60 ms)', async () => {
    const { sfn, stateMachineArn } = service({ callbackTimeScale: 1e-3 });
    const { executionArn } = await sfn.startExecution({ stateMachineArn, input: '{"n":1}' });
    const done = await sfn.waitForExecution(executionArn);
    expect(JSON.parse(done.output ?? 'null')).toMatchObject({ error: { Error: 'States.HeartbeatTimeout' } });
  });

  it('treats a repeated StartExecution of a running execution with the same input as the same start', async () => {
    const { sfn, stateMachineArn } = service();
    const first = await sfn.startExecution({ stateMachineArn, name: 'same', input: '{"n":1}' });
    const again = await sfn.startExecution({ stateMachineArn, name: 'same', input: '{"n":1}' });
    expect(again.executionArn).toBe(first.executionArn);
    await expect(
      sfn.startExecution({ stateMachineArn, name: 'same', input: '{"n":2}' }),
    ).rejects.toBeInstanceOf(ExecutionAlreadyExistsError);
  });

  it('refuses bad names and input, unresolved placeholders and Tasks it cannot run offline', async () => {
    const { sfn, stateMachineArn } = service();
    await expect(sfn.startExecution({ stateMachineArn, name: 'a b' })).rejects.toBeInstanceOf(
      InvalidRequestError,
    );
    await expect(sfn.startExecution({ stateMachineArn, input: '{' })).rejects.toBeInstanceOf(
      InvalidRequestError,
    );
    expect(() => sfn.createStateMachine({ name: 'x', definition })).toThrow(/no value for \$\{Fn\}/);
    const s3 = JSON.stringify({
      StartAt: 'Get',
      States: { Get: { Type: 'Task', Resource: 'arn:aws:states:::s3:getObject', End: true } },
    });
    const thrown = (() => {
      try {
        sfn.createStateMachine({ name: 'y', definition: s3 });
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(InvalidDefinitionError);
    expect(thrown).toMatchObject({ problems: [expect.stringContaining('s3:getObject')] });
  });

  it('stops a parked execution: ABORTED, and its token is over', async () => {
    const { sfn, stateMachineArn, tokens } = service();
    const { executionArn } = await sfn.startExecution({ stateMachineArn, input: '{"n":1}' });
    await sfn.waitUntilParked(executionArn);
    await sfn.stopExecution({ executionArn });
    expect((await sfn.describeExecution({ executionArn })).status).toBe('ABORTED');
    await expect(sfn.sendTaskSuccess({ taskToken: tokens[0] ?? '', output: '{}' })).rejects.toBeInstanceOf(
      TaskTimedOutError,
    );
  });
});
