import type { RetryPolicy } from '../../runtime/aws/retry-policy.js';
import type { AnyTool } from '../tools/tool.js';
import { InvalidToolChainError } from './tool-chain-error.js';

/** What a step's condition and input mapping see: the chain's input, the results so far, the last output. */
export interface ChainContext {
  readonly input: unknown;
  /** Each succeeded step's output, by step name. */
  readonly results: Readonly<Record<string, unknown>>;
  /** The output of the last step that succeeded (the chain's input before any). */
  readonly previous: unknown;
}

/** One step: a tool, an optional condition, an optional mapping of the context to the tool's input. */
export interface ChainStep {
  /** Unique in the chain; the tool's name by default. */
  readonly name?: string;
  readonly tool: AnyTool;
  /** The step runs only when this holds (sequential, parallel); chooses the branch (conditional). */
  readonly when?: (context: ChainContext) => boolean;
  /** The tool's input; by default the previous output (sequential) or the chain's input (parallel, conditional). */
  readonly input?: (context: ChainContext) => unknown;
}

/**
 * How steps run: `sequential` (each output feeds the next step), `parallel` (all at once on the chain's input;
 * the output maps step names to outputs), `conditional` (the first step whose condition holds, a step
 * without one being the default, runs on the chain's input; none holding fails the chain).
 */
export type ChainStrategy = 'sequential' | 'parallel' | 'conditional';

/**
 * What a failed step does to the chain: `fail-fast` stops it (parallel: the other steps are told to stop
 * through their abort signal), `continue` records the failure and goes on (sequential: with the previous
 * output), `retry` runs a failed tool again up to `retry.maxAttempts` with exponential backoff, then fails the
 * chain. An input the tool's schema refuses is never retried: the same input fails the same way.
 */
export type ChainErrorHandling = 'fail-fast' | 'continue' | 'retry';

export interface ToolChainDefinition {
  readonly name: string;
  readonly description?: string;
  readonly strategy: ChainStrategy;
  /** Default `fail-fast`. */
  readonly onError?: ChainErrorHandling;
  /** For `retry`: attempts per step (the first included) and the backoff; default 3 attempts, 100 ms to 2 s. */
  readonly retry?: RetryPolicy;
  readonly steps: readonly ChainStep[];
}

/** A checked chain: every step named, the error handling and retry policy settled. */
export interface ToolChain extends ToolChainDefinition {
  readonly onError: ChainErrorHandling;
  readonly retry: RetryPolicy;
  readonly steps: readonly (ChainStep & { readonly name: string })[];
}

/** Three attempts, 100 ms then up to 200 ms apart (full jitter), never more than 2 s. */
export const DEFAULT_STEP_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2_000 };

const CHAIN_NAME = /^[\w.-]{1,64}$/;

/**
 * Checks a chain and returns it frozen, its defaults filled in. Throws {@link InvalidToolChainError}.
 *
 * @example
 * ```ts
 * const restartService = defineToolChain({
 *   name: 'restart-service',
 *   strategy: 'sequential',
 *   onError: 'retry',
 *   steps: [{ tool: drainTraffic }, { tool: restart }, { tool: healthCheck, when: ({ previous }) => previous !== null }],
 * });
 * ```
 */
export function defineToolChain(definition: ToolChainDefinition): ToolChain {
  const { name } = definition;
  if (!CHAIN_NAME.test(name)) throw new InvalidToolChainError(name, 'the name needs 1-64 of [\\w.-]');
  if (!['sequential', 'parallel', 'conditional'].includes(definition.strategy)) {
    throw new InvalidToolChainError(name, `unknown strategy ${String(definition.strategy)}`);
  }
  const onError = definition.onError ?? 'fail-fast';
  if (!['fail-fast', 'continue', 'retry'].includes(onError)) {
    throw new InvalidToolChainError(name, `unknown error handling ${String(onError)}`);
  }
  const retry = definition.retry ?? DEFAULT_STEP_RETRY;
  if (!Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1 || retry.maxAttempts > 10) {
    throw new InvalidToolChainError(name, 'retry.maxAttempts is a whole number from 1 to 10');
  }
  if (!(retry.baseDelayMs >= 0 && retry.maxDelayMs >= retry.baseDelayMs)) {
    throw new InvalidToolChainError(name, 'retry delays need 0 <= baseDelayMs <= maxDelayMs');
  }
  if (definition.steps.length === 0) throw new InvalidToolChainError(name, 'it has no steps');
  const steps = definition.steps.map((step) =>
    Object.freeze({ ...step, name: step.name ?? step.tool?.name }),
  );
  for (const [index, step] of steps.entries()) {
    if (typeof step.tool?.run !== 'function')
      throw new InvalidToolChainError(name, `step ${index} has no tool`);
    if (steps.findIndex((other) => other.name === step.name) !== index) {
      throw new InvalidToolChainError(name, `two steps are named ${step.name}`);
    }
  }
  return Object.freeze({ ...definition, onError, retry, steps: Object.freeze(steps) });
}
