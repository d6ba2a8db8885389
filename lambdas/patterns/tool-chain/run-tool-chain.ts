import { setTimeout as sleep } from 'node:timers/promises';
import { AGENT_METRICS } from '../../contracts/agent-metrics.js';
import { isAgentbridgeError } from '../../contracts/agentbridge-error.js';
import { type Clock, systemClock } from '../../contracts/clock.js';
import { emitMetric, noMetrics, type PatternMetrics } from '../../contracts/pattern-metrics.js';
import { backoffDelayMs } from '../../runtime/aws/retry-policy.js';
import { invokeTool } from '../tools/tool.js';
import type { ChainContext, ToolChain } from './tool-chain.js';

/** One step as a chain run records it. */
export interface StepRecord {
  readonly step: string;
  readonly tool: string;
  readonly index: number;
  /** `skipped`: its condition did not hold (or, conditional, another branch was taken). */
  readonly status: 'succeeded' | 'failed' | 'skipped';
  /** Tool calls made (0 when skipped). */
  readonly attempts: number;
  /** The backoff before each retry, on the injected clock's scale. */
  readonly retryDelaysMs: readonly number[];
  readonly startedAt: number;
  /** From the first attempt to the last outcome, backoff included. */
  readonly durationMs: number;
  readonly output?: unknown;
  readonly error?: { readonly code: string; readonly message: string };
}

/** Why a chain stopped: the step (none when no conditional branch held), the error code and message. */
export interface ChainFailure {
  readonly step: string | undefined;
  readonly code: string;
  readonly message: string;
}

/** A chain run: its output, or how it failed, and every step's record in step order. */
export type ChainResult =
  | {
      readonly chain: string;
      readonly ok: true;
      readonly output: unknown;
      readonly steps: readonly StepRecord[];
    }
  | {
      readonly chain: string;
      readonly ok: false;
      readonly failure: ChainFailure;
      readonly steps: readonly StepRecord[];
    };

/** What a chain runs with: the clock steps are timed on, how a backoff waits, jitter, the metrics port. */
export interface ToolChainDeps {
  readonly clock?: Clock;
  /** Waits out a retry's backoff; tests pass one that moves their clock instead of sleeping. */
  readonly sleep?: (ms: number) => Promise<unknown>;
  readonly random?: () => number;
  readonly metrics?: PatternMetrics;
}

type NamedStep = ToolChain['steps'][number];

/**
 * Runs a chain on an input by its strategy and error handling (see `ChainStrategy`, `ChainErrorHandling`),
 * recording every step and metering each one that ran (`ToolChainStepSucceeded` / `ToolChainStepFailed` /
 * `ToolChainStepDuration`, dimensions `ToolChain` and `Step`). Step failures are part of the result, not
 * thrown: a caller answers with the records either way.
 *
 * @example
 * ```ts
 * const result = await runToolChain(restartService, { service: 'checkout' });
 * if (!result.ok) console.log(`${result.failure.step}: ${result.failure.message}`);
 * ```
 */
export async function runToolChain(
  chain: ToolChain,
  input: unknown,
  deps: ToolChainDeps = {},
): Promise<ChainResult> {
  const clock = deps.clock ?? systemClock;
  const metrics = deps.metrics ?? noMetrics;
  const wait = deps.sleep ?? sleep;
  const random = deps.random ?? Math.random;

  const skipped = (step: NamedStep, index: number): StepRecord => ({
    step: step.name,
    tool: step.tool.name,
    index,
    status: 'skipped',
    attempts: 0,
    retryDelaysMs: [],
    startedAt: clock.now(),
    durationMs: 0,
  });

  const runStep = async (
    step: NamedStep,
    index: number,
    context: ChainContext,
    signal: AbortSignal,
  ): Promise<StepRecord> => {
    const startedAt = clock.now();
    const retryDelaysMs: number[] = [];
    const base = { step: step.name, tool: step.tool.name, index, startedAt, retryDelaysMs };
    const finish = (record: Omit<StepRecord, keyof typeof base | 'durationMs'>): StepRecord => {
      const durationMs = Math.max(0, clock.now() - startedAt);
      const dimensions = { ToolChain: chain.name, Step: step.name };
      const outcome =
        record.status === 'succeeded'
          ? AGENT_METRICS.toolChainStepSucceeded
          : AGENT_METRICS.toolChainStepFailed;
      emitMetric(metrics, outcome, 'Count', 1, dimensions);
      emitMetric(metrics, AGENT_METRICS.toolChainStepDuration, 'Milliseconds', durationMs, dimensions);
      return { ...base, ...record, durationMs };
    };
    let toolInput: unknown;
    try {
      toolInput = step.input === undefined ? undefined : step.input(context);
    } catch (error) {
      const message = `the step's input could not be built: ${error instanceof Error ? error.message : String(error)}`;
      return finish({ status: 'failed', attempts: 0, error: { code: 'STEP_INPUT_FAILED', message } });
    }
    if (step.input === undefined)
      toolInput = chain.strategy === 'sequential' ? context.previous : context.input;
    for (let attempt = 1; ; attempt++) {
      try {
        const output = await invokeTool(step.tool, toolInput, { signal });
        return finish({ status: 'succeeded', attempts: attempt, output });
      } catch (error) {
        const code = isAgentbridgeError(error) ? error.code : 'TOOL_RUN_FAILED';
        const again =
          chain.onError === 'retry' &&
          attempt < chain.retry.maxAttempts &&
          code !== 'TOOL_INPUT_INVALID' &&
          !signal.aborted;
        if (!again) {
          const message = error instanceof Error ? error.message : String(error);
          return finish({ status: 'failed', attempts: attempt, error: { code, message } });
        }
        const delay = backoffDelayMs(attempt, chain.retry, random);
        retryDelaysMs.push(delay);
        await wait(delay);
      }
    }
  };

  const failed = (records: StepRecord[], record: StepRecord): ChainResult => ({
    chain: chain.name,
    ok: false,
    failure: {
      step: record.step,
      code: record.error?.code ?? 'TOOL_RUN_FAILED',
      message: record.error?.message ?? '',
    },
    steps: records,
  });
  const stops = chain.onError !== 'continue';
  const records: StepRecord[] = [];
  const controller = new AbortController();

  if (chain.strategy === 'sequential') {
    const results: Record<string, unknown> = {};
    let previous = input;
    for (const [index, step] of chain.steps.entries()) {
      const context = { input, results: { ...results }, previous };
      if (step.when !== undefined && !step.when(context)) {
        records.push(skipped(step, index));
        continue;
      }
      const record = await runStep(step, index, context, controller.signal);
      records.push(record);
      if (record.status === 'succeeded') {
        results[step.name] = record.output;
        previous = record.output;
      } else if (stops) return failed(records, record);
    }
    return { chain: chain.name, ok: true, output: previous, steps: records };
  }

  const context: ChainContext = { input, results: {}, previous: input };
  if (chain.strategy === 'parallel') {
    const settled = await Promise.all(
      chain.steps.map(async (step, index) => {
        if (step.when !== undefined && !step.when(context)) return skipped(step, index);
        const record = await runStep(step, index, context, controller.signal);
        // Fail-fast: the steps still running are told to stop, through the signal their tools receive.
        if (record.status === 'failed' && stops) controller.abort();
        return record;
      }),
    );
    records.push(...settled);
    const failure = settled.find((record) => record.status === 'failed');
    if (failure !== undefined && stops) return failed(records, failure);
    const output = Object.fromEntries(
      settled.filter((record) => record.status === 'succeeded').map((record) => [record.step, record.output]),
    );
    return { chain: chain.name, ok: true, output, steps: records };
  }

  // Conditional: the first step whose condition holds; later conditions are not evaluated.
  let chosen: StepRecord | undefined;
  for (const [index, step] of chain.steps.entries()) {
    if (chosen !== undefined || (step.when !== undefined && !step.when(context))) {
      records.push(skipped(step, index));
      continue;
    }
    chosen = await runStep(step, index, context, controller.signal);
    records.push(chosen);
  }
  if (chosen === undefined) {
    return {
      chain: chain.name,
      ok: false,
      failure: { step: undefined, code: 'NO_BRANCH', message: `no step's condition held in ${chain.name}` },
      steps: records,
    };
  }
  if (chosen.status === 'failed' && stops) return failed(records, chosen);
  return {
    chain: chain.name,
    ok: true,
    output: chosen.status === 'succeeded' ? chosen.output : input,
    steps: records,
  };
}
