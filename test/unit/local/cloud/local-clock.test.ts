import { afterEach, describe, expect, it } from 'vitest';
import { InvalidDurationError, LocalClock, parseDuration } from '../../../../local/cloud/local-clock.js';
import type { LocalEventEntry } from '../../../../local/stepfunctions/local-event-sink.js';
import type { LocalLambdaInvocation } from '../../../../local/stepfunctions/local-lambda-invoker.js';
import { LocalStepFunctions } from '../../../../local/stepfunctions/local-step-functions.js';

const START = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

let sfn: LocalStepFunctions | undefined;
afterEach(async () => {
  await sfn?.close();
  sfn = undefined;
});

describe('the local virtual clock', () => {
  it('stands still until advanced, then reads the time it was moved to', async () => {
    const clock = new LocalClock({ start: START });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(clock.now()).toBe(START);
    await clock.advance('1d12h');
    expect(clock.now()).toBe(START + 1.5 * DAY);
  });

  it('fires deadlines earliest first, ties in arming order, each seeing the time of its own deadline', async () => {
    const clock = new LocalClock({ start: START });
    const fired: Array<[string, number]> = [];
    clock.schedule(() => fired.push(['2h', clock.now() - START]), 2 * 3_600_000);
    clock.schedule(() => fired.push(['1h a', clock.now() - START]), 3_600_000);
    clock.schedule(() => fired.push(['1h b', clock.now() - START]), 3_600_000);
    const cancel = clock.schedule(() => fired.push(['cancelled', 0]), 1_000);
    cancel();
    await clock.advance('90m');
    expect(fired).toEqual([
      ['1h a', 3_600_000],
      ['1h b', 3_600_000],
    ]);
    expect(clock.armed).toBe(1);
    await clock.advance('30m');
    expect(fired.map(([name]) => name)).toEqual(['1h a', '1h b', '2h']);
  });

  it('fires within one advance a deadline a fired one arms, as async retries a minute apart do', async () => {
    const clock = new LocalClock({ start: START });
    const attempts: number[] = [];
    const attempt = async (n: number): Promise<void> => {
      attempts.push(clock.now() - START);
      await Promise.resolve();
      if (n < 3) clock.schedule(() => void attempt(n + 1), n * 60_000);
    };
    clock.schedule(() => void attempt(1), 0);
    await clock.advance('5m');
    expect(attempts).toEqual([0, 60_000, 180_000]);
  });

  it('settles a sleep when the clock reaches it', async () => {
    const clock = new LocalClock({ start: START });
    let woke = false;
    const sleeping = clock.sleep(DAY).then(() => {
      woke = true;
    });
    await clock.advance(DAY - 1);
    expect(woke).toBe(false);
    await clock.advance(1);
    await sleeping;
    expect(woke).toBe(true);
  });

  it('running, flows with the wall clock, fires on real time, and jumps ahead on advance', async () => {
    const clock = new LocalClock({ start: START, running: true });
    const fired = new Promise<number>((resolve) => void clock.schedule(() => resolve(clock.now()), 20));
    expect(await fired).toBeGreaterThanOrEqual(START + 20);
    await clock.advance('2d');
    expect(clock.now()).toBeGreaterThanOrEqual(START + 2 * DAY + 20);
    expect(clock.now()).toBeLessThan(START + 2 * DAY + 60_000);
  });

  it('tells its listeners each time it moves, at each deadline reached and at the end, until they stop', async () => {
    const clock = new LocalClock({ start: 0 });
    const seen: number[] = [];
    const stop = clock.onMove(() => seen.push(clock.now()));
    clock.schedule(() => undefined, 1_000);
    await clock.advance('2s');
    stop();
    await clock.advance('1s');
    expect([seen, clock.running]).toEqual([[1_000, 2_000], false]);
  });

  it('reads durations as the CLI writes them and refuses anything else', () => {
    expect([
      parseDuration('500ms'),
      parseDuration('90s'),
      parseDuration('15m'),
      parseDuration('1d12h'),
    ]).toEqual([500, 90_000, 900_000, 1.5 * DAY]);
    for (const text of ['', '3', 'two days', '1y', '-1d']) {
      expect(() => parseDuration(text)).toThrow(InvalidDurationError);
    }
  });

  it('expires a day-long task token wait of the local Step Functions when advanced a day', async () => {
    const clock = new LocalClock({ start: START });
    const tokens: string[] = [];
    const published: LocalEventEntry[] = [];
    sfn = new LocalStepFunctions({
      lambda: async ({ payload }: LocalLambdaInvocation) =>
        void tokens.push((payload as { token: string }).token),
      events: { putEvents: async (entries) => void published.push(...entries) },
      clock,
      callbackTimer: clock.schedule,
    });
    const { stateMachineArn } = sfn.createStateMachine({
      name: 'await',
      definition: JSON.stringify({
        StartAt: 'Await',
        States: {
          Await: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
            Parameters: { FunctionName: 'fn', Payload: { 'token.$': '$$.Task.Token' } },
            HeartbeatSeconds: 86_400,
            End: true,
          },
        },
      }),
      substitutions: {},
    });
    const { executionArn } = await sfn.startExecution({ stateMachineArn, input: '{}' });
    await sfn.waitUntilParked(executionArn);
    await clock.advance('23h');
    expect((await sfn.describeExecution({ executionArn })).status).toBe('RUNNING');
    await clock.advance('1h');
    const done = await sfn.waitForExecution(executionArn);
    expect([done.status, tokens.length, published]).toEqual(['FAILED', 1, []]);
  });
});
