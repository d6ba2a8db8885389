import {
  type NamedStep,
  runChainStep,
  type StepRecord,
  skippedStep,
  stepEnvironment,
  type ToolChainDeps,
} from './run-chain-step.js';
import type { ChainContext, ToolChain } from './tool-chain.js';

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
  const env = stepEnvironment(deps);
  const skipped = (step: NamedStep, index: number) => skippedStep(step, index, env);
  const runStep = (step: NamedStep, index: number, context: ChainContext, signal: AbortSignal) =>
    runChainStep(chain, step, index, context, signal, env);

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
