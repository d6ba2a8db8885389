import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { runToolChain } from '../../../../lambdas/patterns/tool-chain/run-tool-chain.js';
import {
  defineToolChain,
  type ToolChainDefinition,
} from '../../../../lambdas/patterns/tool-chain/tool-chain.js';
import { ToolChains } from '../../../../lambdas/patterns/tool-chain/tool-chains.js';
import { defineTool } from '../../../../lambdas/patterns/tools/tool.js';
import { StoreUnavailableError } from '../../../../lambdas/stores/store-errors.js';
import { ManualClock } from '../../../support/manual-clock.js';
import { RecordingPatternMetrics } from '../../../support/recording-pattern-metrics.js';

const Num = z.object({ n: z.number() });

/** A tool computing `n → f(n)`, taking `ms` on the clock, failing its first `failures` calls (transiently). */
function numberTool(
  name: string,
  f: (n: number) => number,
  clock: ManualClock,
  options: { failures?: number; ms?: number } = {},
) {
  const calls: number[] = [];
  let failures = options.failures ?? 0;
  const tool = defineTool({
    name,
    description: `computes ${name}`,
    input: Num,
    output: Num,
    run: ({ n }) => {
      calls.push(n);
      clock.advanceMs(options.ms ?? 10);
      if (failures-- > 0) throw new StoreUnavailableError(name, 'call');
      return { n: f(n) };
    },
  });
  return { tool, calls };
}

function harness() {
  const clock = new ManualClock(Date.UTC(2026, 11, 2, 14));
  const metrics = new RecordingPatternMetrics();
  const slept: number[] = [];
  const deps = {
    clock,
    metrics,
    random: () => 0.5,
    sleep: async (ms: number) => {
      slept.push(ms);
      clock.advanceMs(ms);
    },
  };
  return { clock, metrics, slept, deps };
}

const chain = (definition: Omit<ToolChainDefinition, 'name'>) =>
  defineToolChain({ name: 'numbers', ...definition });

describe('tool chain, sequential', () => {
  it('feeds each output to the next step and records every step', async () => {
    const { clock, deps } = harness();
    const [double, inc] = [numberTool('double', (n) => n * 2, clock), numberTool('inc', (n) => n + 1, clock)];
    const result = await runToolChain(
      chain({ strategy: 'sequential', steps: [double, inc] }),
      { n: 5 },
      deps,
    );
    expect(result).toMatchObject({ ok: true, output: { n: 11 } });
    expect(result.steps).toEqual([
      expect.objectContaining({
        step: 'double',
        status: 'succeeded',
        attempts: 1,
        output: { n: 10 },
        durationMs: 10,
      }),
      expect.objectContaining({ step: 'inc', status: 'succeeded', attempts: 1, output: { n: 11 } }),
    ]);
  });

  it('skips a step whose condition does not hold, recording it as skipped', async () => {
    const { clock, deps } = harness();
    const [double, inc] = [numberTool('double', (n) => n * 2, clock), numberTool('inc', (n) => n + 1, clock)];
    const steps = [
      double,
      { ...inc, when: ({ previous }: { previous: unknown }) => (previous as { n: number }).n < 5 },
    ];
    const result = await runToolChain(chain({ strategy: 'sequential', steps }), { n: 5 }, deps);
    expect(result).toMatchObject({ ok: true, output: { n: 10 } });
    expect(result.steps.map((step) => step.status)).toEqual(['succeeded', 'skipped']);
    expect(inc.calls).toEqual([]);
  });

  it('builds a step input from the chain input and earlier results when told to', async () => {
    const { clock, deps } = harness();
    const [double, add] = [
      numberTool('double', (n) => n * 2, clock),
      numberTool('add', (n) => n + 100, clock),
    ];
    const steps = [double, { ...add, input: ({ input }: { input: unknown }) => input }];
    const result = await runToolChain(chain({ strategy: 'sequential', steps }), { n: 1 }, deps);
    expect(result).toMatchObject({ ok: true, output: { n: 101 } });
  });

  it('stops at the first failure when failing fast, naming the step, and runs no later step', async () => {
    const { clock, deps } = harness();
    const [broken, inc] = [
      numberTool('broken', (n) => n, clock, { failures: 1 }),
      numberTool('inc', (n) => n + 1, clock),
    ];
    const result = await runToolChain(
      chain({ strategy: 'sequential', steps: [broken, inc] }),
      { n: 1 },
      deps,
    );
    expect(result).toMatchObject({ ok: false, failure: { step: 'broken', code: 'TOOL_RUN_FAILED' } });
    expect(result.steps).toHaveLength(1);
    expect(inc.calls).toEqual([]);
  });

  it('continues past a failure with the previous output when told to continue', async () => {
    const { clock, deps } = harness();
    const [broken, inc] = [
      numberTool('broken', (n) => n, clock, { failures: 1 }),
      numberTool('inc', (n) => n + 1, clock),
    ];
    const result = await runToolChain(
      chain({ strategy: 'sequential', onError: 'continue', steps: [broken, inc] }),
      { n: 1 },
      deps,
    );
    expect(result).toMatchObject({ ok: true, output: { n: 2 } });
    expect(result.steps.map((step) => step.status)).toEqual(['failed', 'succeeded']);
  });

  it('retries a failing tool with exponential backoff on the injected clock, recording attempts and delays', async () => {
    const { clock, deps, slept } = harness();
    const flaky = numberTool('flaky', (n) => n * 3, clock, { failures: 2, ms: 1 });
    const retrying = chain({
      strategy: 'sequential',
      onError: 'retry',
      retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 },
      steps: [flaky],
    });
    const result = await runToolChain(retrying, { n: 2 }, deps);
    expect(result).toMatchObject({ ok: true, output: { n: 6 } });
    expect(slept).toEqual([50, 100]); // full jitter at 0.5 of 100 ms, then of 200 ms
    expect(result.steps[0]).toMatchObject({ attempts: 3, retryDelaysMs: [50, 100], durationMs: 153 });
  });

  it('gives up after the bounded attempts and fails the chain with the last error', async () => {
    const { clock, deps, slept } = harness();
    const down = numberTool('down', (n) => n, clock, { failures: 99 });
    const retrying = chain({
      strategy: 'sequential',
      onError: 'retry',
      retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 15 },
      steps: [down],
    });
    const result = await runToolChain(retrying, { n: 2 }, deps);
    expect(result).toMatchObject({ ok: false, failure: { step: 'down', code: 'TOOL_RUN_FAILED' } });
    expect(down.calls).toHaveLength(3);
    expect(slept).toEqual([5, 7]); // the second delay is capped at maxDelayMs 15
  });

  it('never retries an input the tool’s schema refuses', async () => {
    const { clock, deps, slept } = harness();
    const double = numberTool('double', (n) => n * 2, clock);
    const retrying = chain({ strategy: 'sequential', onError: 'retry', steps: [double] });
    const result = await runToolChain(retrying, { n: 'two' }, deps);
    expect(result).toMatchObject({ ok: false, failure: { code: 'TOOL_INPUT_INVALID' } });
    expect(result.steps[0]?.attempts).toBe(1);
    expect(slept).toEqual([]);
  });

  it('fails a step whose input mapping throws as STEP_INPUT_FAILED, without calling its tool', async () => {
    const { clock, deps } = harness();
    const double = numberTool('double', (n) => n * 2, clock);
    const broken = {
      ...double,
      input: () => {
        throw new Error('no service given');
      },
    };
    const result = await runToolChain(chain({ strategy: 'sequential', steps: [broken] }), { n: 1 }, deps);
    expect(result).toMatchObject({
      ok: false,
      failure: {
        step: 'double',
        code: 'STEP_INPUT_FAILED',
        message: expect.stringContaining('no service given'),
      },
    });
    expect(result.steps[0]).toMatchObject({ status: 'failed', attempts: 0 });
    expect(double.calls).toEqual([]);
  });

  it('meters every step that ran under its own ToolChain and Step dimensions', async () => {
    const { clock, deps, metrics } = harness();
    const [double, broken] = [
      numberTool('double', (n) => n * 2, clock),
      numberTool('broken', (n) => n, clock, { failures: 1 }),
    ];
    await runToolChain(
      chain({ strategy: 'sequential', onError: 'continue', steps: [double, broken] }),
      { n: 1 },
      deps,
    );
    expect(metrics.values('ToolChainStepSucceeded', { ToolChain: 'numbers', Step: 'double' })).toEqual([1]);
    expect(metrics.values('ToolChainStepFailed', { ToolChain: 'numbers', Step: 'broken' })).toEqual([1]);
    expect(metrics.values('ToolChainStepDuration', { Step: 'double' })).toEqual([10]);
  });
});

describe('tool chain, parallel', () => {
  it('runs every step at once on the chain input, the output mapping step names to outputs', async () => {
    const { deps } = harness();
    let inFlight = 0;
    let most = 0;
    const slow = (name: string, f: (n: number) => number) =>
      defineTool({
        name,
        description: name,
        input: Num,
        output: Num,
        run: async ({ n }) => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          await new Promise((resolve) => setImmediate(resolve));
          inFlight -= 1;
          return { n: f(n) };
        },
      });
    const steps = [{ tool: slow('double', (n) => n * 2) }, { tool: slow('square', (n) => n * n) }];
    const result = await runToolChain(chain({ strategy: 'parallel', steps }), { n: 3 }, deps);
    expect(result).toMatchObject({ ok: true, output: { double: { n: 6 }, square: { n: 9 } } });
    expect(most).toBe(2);
  });

  it('failing fast, tells the steps still running to stop through their abort signal', async () => {
    const { clock, deps } = harness();
    let sawAbort = false;
    const watcher = defineTool({
      name: 'watcher',
      description: 'waits to be told to stop',
      input: Num,
      output: Num,
      run: (input, { signal }) =>
        new Promise((resolve) => {
          signal?.addEventListener('abort', () => {
            sawAbort = true;
            resolve(input);
          });
        }),
    });
    const broken = numberTool('broken', (n) => n, clock, { failures: 1 });
    const result = await runToolChain(
      chain({ strategy: 'parallel', steps: [{ tool: watcher }, broken] }),
      { n: 1 },
      deps,
    );
    expect(result).toMatchObject({ ok: false, failure: { step: 'broken' } });
    expect(sawAbort).toBe(true);
    expect(result.steps.map((step) => step.step)).toEqual(['watcher', 'broken']);
  });

  it('with continue, returns the outputs of the steps that succeeded', async () => {
    const { clock, deps } = harness();
    const [double, broken] = [
      numberTool('double', (n) => n * 2, clock),
      numberTool('broken', (n) => n, clock, { failures: 1 }),
    ];
    const result = await runToolChain(
      chain({ strategy: 'parallel', onError: 'continue', steps: [double, broken] }),
      { n: 4 },
      deps,
    );
    expect(result).toMatchObject({ ok: true, output: { double: { n: 8 } } });
  });
});

describe('tool chain, conditional', () => {
  it('runs the first step whose condition holds, the others skipped and later conditions not asked', async () => {
    const { clock, deps } = harness();
    const asked: string[] = [];
    const when =
      (name: string, test: (n: number) => boolean) =>
      ({ input }: { input: unknown }) => {
        asked.push(name);
        return test((input as { n: number }).n);
      };
    const [small, large, other] = [
      numberTool('small', (n) => n + 1, clock),
      numberTool('large', (n) => n - 1, clock),
      numberTool('other', (n) => n, clock),
    ];
    const steps = [
      { ...small, when: when('small', (n) => n < 10) },
      { ...large, when: when('large', (n) => n >= 10) },
      { ...other, when: when('other', () => true) },
    ];
    const result = await runToolChain(chain({ strategy: 'conditional', steps }), { n: 50 }, deps);
    expect(result).toMatchObject({ ok: true, output: { n: 49 } });
    expect(result.steps.map((step) => step.status)).toEqual(['skipped', 'succeeded', 'skipped']);
    expect(asked).toEqual(['small', 'large']);
  });

  it('takes a step without a condition as the default, and fails clearly when no branch holds', async () => {
    const { clock, deps } = harness();
    const [small, fallback] = [
      numberTool('small', (n) => n + 1, clock),
      numberTool('fallback', () => 0, clock),
    ];
    const never = { ...small, when: () => false };
    expect(
      await runToolChain(chain({ strategy: 'conditional', steps: [never, fallback] }), { n: 5 }, deps),
    ).toMatchObject({
      ok: true,
      output: { n: 0 },
    });
    expect(
      await runToolChain(chain({ strategy: 'conditional', steps: [never] }), { n: 5 }, deps),
    ).toMatchObject({
      ok: false,
      failure: { step: undefined, code: 'NO_BRANCH' },
    });
  });
});

describe('defineToolChain and ToolChains', () => {
  const clock = new ManualClock();
  const double = numberTool('double', (n) => n * 2, clock);

  it.each([
    ['no steps', { steps: [] }],
    ['two steps of one name', { steps: [double, double] }],
    ['an unknown strategy', { strategy: 'random' as 'parallel' }],
    [
      'unbounded retries',
      { onError: 'retry' as const, retry: { maxAttempts: 100, baseDelayMs: 1, maxDelayMs: 2 } },
    ],
  ])('refuses a chain with %s', (_case, override) => {
    expect(() => chain({ strategy: 'sequential', steps: [double], ...override })).toThrow(
      expect.objectContaining({ code: 'INVALID_TOOL_CHAIN' }),
    );
  });

  it('runs a held chain by name and refuses an unknown one with a typed error listing the known chains', async () => {
    const chains = new ToolChains([chain({ strategy: 'sequential', steps: [double] })], harness().deps);
    expect(await chains.run('numbers', { n: 2 })).toMatchObject({ ok: true, output: { n: 4 } });
    await expect(chains.run('numbrs', { n: 2 })).rejects.toMatchObject({
      name: 'UnknownToolChainError',
      code: 'UNKNOWN_TOOL_CHAIN',
      chain: 'numbrs',
      known: ['numbers'],
      message: 'No tool chain "numbrs"; known: numbers',
    });
  });
});
