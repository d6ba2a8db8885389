import { AGENT_METRICS } from '../../contracts/agent-metrics.js';
import { type Clock, systemClock } from '../../contracts/clock.js';
import { emitMetric, noMetrics, type PatternMetrics } from '../../contracts/pattern-metrics.js';
import type { JsonValue } from '../../stores/cache/json-value.js';
import type { PipelineRun, PipelineRunStore } from '../../stores/pipeline-runs/pipeline-run.js';
import { InvalidPipelineError, PipelineFailedError, PipelineRunMismatchError } from './pipeline-error.js';
import type { RecoveryHandler, Stage, StageContext, StageError } from './stage.js';
import { digestOf, type StageRecord } from './stage-record.js';

/** What a pipeline runs with: where its runs are checkpointed, the clock stages are timed on, the metrics port. */
export interface PipelineDeps {
  readonly runs: PipelineRunStore;
  readonly clock?: Clock;
  readonly metrics?: PatternMetrics;
}

/** A finished run: the last stage's output, every stage record, and how this call found the run. */
export interface PipelineResult<Out> {
  readonly runId: string;
  readonly output: Out;
  readonly records: readonly StageRecord[];
  /** The stage this call resumed at, when an earlier delivery had checkpointed some stages. */
  readonly resumedAt: number | undefined;
  /** True when the run had completed before: nothing ran, the recorded output is returned. */
  readonly replayed: boolean;
}

/** A stage with its recovery handlers, as the pipeline runs it (types erased; `PipelineBuilder` checks them). */
export interface PipelineStep {
  readonly stage: Stage<unknown, unknown>;
  readonly recover: Readonly<Record<string, RecoveryHandler<unknown, unknown>>>;
}

const STAGE_NAME = /^[\w.-]{1,64}$/;
const asJson = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value ?? null)) as JsonValue;

/**
 * A pipeline of typed stages, built stage by stage (`stage` chains the types) and run under a run id. Each
 * stage's output feeds the next; a stage's reported error goes to its recovery handler for that error type,
 * which may continue with recovered data; otherwise the pipeline fails with {@link PipelineFailedError} naming
 * the stage. Every stage execution is recorded (input and output digests, duration on the clock, success)
 * and metered (`PipelineStageSucceeded` / `PipelineStageFailed` / `PipelineStageDuration`, dimensions
 * `Pipeline` and `Stage`).
 *
 * After every stage the run is checkpointed in the run store, so a run cut short by a timeout or a crash
 * resumes at the stage after its last checkpoint when its input is delivered again, and a run that has
 * finished (completed or failed) answers a redelivery from its record without running a stage.
 *
 * @example
 * ```ts
 * const intake = pipeline<Report>('intake')
 *   .stage(validationStage('validate', rules))
 *   .stage(transformationStage('normalise', steps), { recover: { transform: (error, report) => ({ recovered: report }) } })
 *   .build({ runs: new InMemoryPipelineRunStore() });
 * const { output, records } = await intake.run(report.reportId, report);
 * ```
 */
export class Pipeline<In, Out> {
  readonly name: string;
  readonly #steps: readonly PipelineStep[];
  readonly #runs: PipelineRunStore;
  readonly #clock: Clock;
  readonly #metrics: PatternMetrics;

  constructor(name: string, steps: readonly PipelineStep[], deps: PipelineDeps) {
    if (!STAGE_NAME.test(name)) throw new InvalidPipelineError(name, 'the name needs 1-64 of [\\w.-]');
    if (steps.length === 0) throw new InvalidPipelineError(name, 'it has no stages');
    const names = steps.map((step) => step.stage.name);
    for (const [index, stage] of names.entries()) {
      if (!STAGE_NAME.test(stage)) throw new InvalidPipelineError(name, `stage ${index} has no valid name`);
      if (names.indexOf(stage) !== index)
        throw new InvalidPipelineError(name, `two stages are named ${stage}`);
    }
    this.name = name;
    this.#steps = steps;
    this.#runs = deps.runs;
    this.#clock = deps.clock ?? systemClock;
    this.#metrics = deps.metrics ?? noMetrics;
  }

  /** The stage names, in order. */
  get stages(): readonly string[] {
    return this.#steps.map((step) => step.stage.name);
  }

  /** Runs (or resumes, or replays) the run `runId` of `input`. */
  async run(runId: string, input: In): Promise<PipelineResult<Out>> {
    const inputDigest = digestOf(input);
    const stored = await this.#runs.load(runId);
    if (stored !== undefined) {
      if (stored.pipeline !== this.name) {
        throw new PipelineRunMismatchError(runId, `belongs to pipeline ${stored.pipeline}, not ${this.name}`);
      }
      if (stored.inputDigest !== inputDigest) throw new PipelineRunMismatchError(runId, 'ran another input');
      if (stored.status === 'completed') return this.#result(stored, undefined, true);
      if (stored.status === 'failed') throw this.#failedError(stored);
    }
    let run: PipelineRun = stored ?? {
      runId,
      pipeline: this.name,
      inputDigest,
      status: 'running',
      nextStage: 0,
      data: asJson(input),
      records: [],
      version: 0,
      updatedAt: this.#clock.now(),
    };
    const resumedAt = stored === undefined ? undefined : stored.nextStage;
    for (let index = run.nextStage; index < this.#steps.length; index++) {
      const step = this.#steps[index] as PipelineStep;
      const context: StageContext = { pipeline: this.name, runId, stage: step.stage.name };
      const { record, output, error } = await this.#execute(step, index, run.data, context);
      const records = [...run.records, record];
      const last = index === this.#steps.length - 1;
      run =
        error === undefined
          ? {
              ...run,
              status: last ? 'completed' : 'running',
              nextStage: index + 1,
              data: asJson(output),
              records,
            }
          : {
              ...run,
              status: 'failed',
              records,
              failure: {
                stage: step.stage.name,
                errorType: error.type,
                message: error.message,
                ...(error.detail === undefined ? {} : { detail: error.detail }),
              },
            };
      run = { ...run, version: run.version + 1, updatedAt: this.#clock.now() };
      await this.#runs.save(run);
      if (run.status === 'failed') throw this.#failedError(run);
    }
    return this.#result(run, resumedAt, false);
  }

  async #execute(
    step: PipelineStep,
    index: number,
    input: JsonValue,
    context: StageContext,
  ): Promise<{ record: StageRecord; output?: unknown; error?: StageError }> {
    const startedAt = this.#clock.now();
    const base = { stage: step.stage.name, index, inputDigest: digestOf(input), startedAt };
    const dimensions = { Pipeline: this.name, Stage: step.stage.name };
    const finish = (success: boolean): number => {
      const durationMs = Math.max(0, this.#clock.now() - startedAt);
      const metric = success ? AGENT_METRICS.pipelineStageSucceeded : AGENT_METRICS.pipelineStageFailed;
      emitMetric(this.#metrics, metric, 'Count', 1, dimensions);
      emitMetric(this.#metrics, AGENT_METRICS.pipelineStageDuration, 'Milliseconds', durationMs, dimensions);
      return durationMs;
    };
    let outcome: Awaited<ReturnType<Stage<unknown, unknown>['run']>>;
    try {
      outcome = await step.stage.run(input, context);
    } catch (error) {
      // Infrastructure, not the input: the run stays at its last checkpoint for the redelivery to resume.
      finish(false);
      throw error;
    }
    if (outcome.ok) {
      const durationMs = finish(true);
      return {
        record: { ...base, outputDigest: digestOf(outcome.output), durationMs, success: true },
        output: outcome.output,
      };
    }
    const recovery = await step.recover[outcome.error.type]?.(outcome.error, input, context);
    const durationMs = finish(false);
    const failed = { ...base, durationMs, success: false, errorType: outcome.error.type };
    if (recovery === undefined) return { record: failed, error: outcome.error };
    return {
      record: { ...failed, outputDigest: digestOf(recovery.recovered), recovered: true },
      output: recovery.recovered,
    };
  }

  #result(run: PipelineRun, resumedAt: number | undefined, replayed: boolean): PipelineResult<Out> {
    return { runId: run.runId, output: run.data as Out, records: run.records, resumedAt, replayed };
  }

  #failedError(run: PipelineRun): PipelineFailedError {
    const failure = run.failure ?? { stage: 'unknown', errorType: 'unknown', message: 'no failure recorded' };
    return new PipelineFailedError({
      pipeline: this.name,
      runId: run.runId,
      ...failure,
      records: run.records,
    });
  }
}
