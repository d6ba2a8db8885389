import { Pipeline, type PipelineDeps, type PipelineStep } from './pipeline.js';
import type { RecoveryHandler, Stage } from './stage.js';

/**
 * Builds a {@link Pipeline} stage by stage; each `stage` takes a stage whose input is the previous output.
 *
 * @example
 * ```ts
 * const intake = pipeline<Report>('intake').stage(validate).stage(normalise).build({ runs });
 * ```
 */
export class PipelineBuilder<In, Current> {
  readonly #name: string;
  readonly #steps: readonly PipelineStep[];

  constructor(name: string, steps: readonly PipelineStep[] = []) {
    this.#name = name;
    this.#steps = steps;
  }

  /** Adds a stage, with recovery handlers per error type it may report. */
  stage<Next>(
    stage: Stage<Current, Next>,
    options: { readonly recover?: Readonly<Record<string, RecoveryHandler<Current, Next>>> } = {},
  ): PipelineBuilder<In, Next> {
    const step = { stage, recover: options.recover ?? {} } as unknown as PipelineStep;
    return new PipelineBuilder<In, Next>(this.#name, [...this.#steps, step]);
  }

  build(deps: PipelineDeps): Pipeline<In, Current> {
    return new Pipeline<In, Current>(this.#name, this.#steps, deps);
  }
}

/** Starts a pipeline whose input is `In`. */
export const pipeline = <In>(name: string): PipelineBuilder<In, In> => new PipelineBuilder<In, In>(name);
