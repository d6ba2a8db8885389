import type { JsonValue } from '../../stores/cache/json-value.js';

/** What a stage reports when it cannot produce its output: a type the recovery handlers match, a message, details. */
export interface StageError {
  /** The kind of failure (`validation`, `not_found`, …): recovery handlers are chosen by it. */
  readonly type: string;
  readonly message: string;
  /** Structured details (every failed rule of a validation), kept in the run's record. */
  readonly detail?: JsonValue;
}

/** A stage's result: its output, or the error it reports. */
export type StageOutcome<Out> =
  | { readonly ok: true; readonly output: Out }
  | { readonly ok: false; readonly error: StageError };

/** What a stage knows of the run it is part of. */
export interface StageContext {
  readonly pipeline: string;
  readonly runId: string;
  readonly stage: string;
}

/**
 * One step of a pipeline: turns its input into its output, or reports a typed {@link StageError}. A stage
 * that throws is not failing on its input but on its infrastructure (a timeout, a throttled store): the run
 * stops at its last checkpoint and a later delivery resumes there. Inputs and outputs are checkpointed as
 * JSON, so a stage sees the same input on a resumed run as on an uninterrupted one.
 *
 * @example
 * ```ts
 * const severity: Stage<Report, Report> = {
 *   name: 'severity',
 *   run: (report) => report.severity ? stageOutput(report) : stageError('missing_severity', 'no severity'),
 * };
 * ```
 */
export interface Stage<In, Out> {
  readonly name: string;
  run(input: In, context: StageContext): StageOutcome<Out> | Promise<StageOutcome<Out>>;
}

/** A stage's successful outcome. */
export const stageOutput = <Out>(output: Out): StageOutcome<Out> => ({ ok: true, output });

/** A stage's reported error (`type` chooses the recovery handler). */
export const stageError = <Out = never>(
  type: string,
  message: string,
  detail?: JsonValue,
): StageOutcome<Out> => ({
  ok: false,
  error: detail === undefined ? { type, message } : { type, message, detail },
});

/**
 * Recovers from one type of stage error: returns `{ recovered }` to continue the pipeline with that data as the
 * stage's output, or undefined to let the pipeline fail.
 */
export type RecoveryHandler<In, Out> = (
  error: StageError,
  input: In,
  context: StageContext,
) => { readonly recovered: Out } | undefined | Promise<{ readonly recovered: Out } | undefined>;
