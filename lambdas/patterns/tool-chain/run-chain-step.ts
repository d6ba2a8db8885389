import { setTimeout as sleep } from 'node:timers/promises';
import { AGENT_METRICS } from '../../contracts/agent-metrics.js';
import { isAgentbridgeError, messageOf } from '../../contracts/agentbridge-error.js';
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

/** What a chain runs with: the clock steps are timed on, how a backoff waits, jitter, the metrics port. */
export interface ToolChainDeps {
  readonly clock?: Clock;
  /** Waits out a retry's backoff; tests pass one that moves their clock instead of sleeping. */
  readonly sleep?: (ms: number) => Promise<unknown>;
  readonly random?: () => number;
  readonly metrics?: PatternMetrics;
}

/** The deps with their defaults filled in. */
export interface StepEnvironment {
  readonly clock: Clock;
  readonly metrics: PatternMetrics;
  readonly wait: (ms: number) => Promise<unknown>;
  readonly random: () => number;
}

export const stepEnvironment = (deps: ToolChainDeps): StepEnvironment => ({
  clock: deps.clock ?? systemClock,
  metrics: deps.metrics ?? noMetrics,
  wait: deps.sleep ?? sleep,
  random: deps.random ?? Math.random,
});

export type NamedStep = ToolChain['steps'][number];

/** The record of a step that did not run. */
export const skippedStep = (step: NamedStep, index: number, { clock }: StepEnvironment): StepRecord => ({
  step: step.name,
  tool: step.tool.name,
  index,
  status: 'skipped',
  attempts: 0,
  retryDelaysMs: [],
  startedAt: clock.now(),
  durationMs: 0,
});

/**
 * Runs one step of a chain: builds its input, calls its tool (again, with backoff, while the chain retries),
 * records and meters the outcome. Never throws for the tool's failure: it is in the record.
 */
export async function runChainStep(
  chain: ToolChain,
  step: NamedStep,
  index: number,
  context: ChainContext,
  signal: AbortSignal,
  { clock, metrics, wait, random }: StepEnvironment,
): Promise<StepRecord> {
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
    const message = `the step's input could not be built: ${messageOf(error)}`;
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
        const message = messageOf(error);
        return finish({ status: 'failed', attempts: attempt, error: { code, message } });
      }
      const delay = backoffDelayMs(attempt, chain.retry, random);
      retryDelaysMs.push(delay);
      await wait(delay);
    }
  }
}
