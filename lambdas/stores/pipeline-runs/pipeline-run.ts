import * as z from 'zod';
import { AgentbridgeError } from '../../contracts/agentbridge-error.js';
import { summarizeIssues } from '../../contracts/message-validation-error.js';
import type { JsonValue } from '../cache/json-value.js';

/** Any JSON value, typed as the stores' `JsonValue`. */
const Json: z.ZodType<JsonValue> = z.json();

/** One stage execution of a run (see `Pipeline`): digests, duration, success, and whether it was recovered. */
export const StageRecordSchema = z.object({
  stage: z.string(),
  index: z.number().int().nonnegative(),
  /** sha-256 of the canonical JSON of the stage's input. */
  inputDigest: z.string(),
  /** sha-256 of the output (the recovered data for a recovered stage); absent when it failed. */
  outputDigest: z.string().optional(),
  startedAt: z.number(),
  durationMs: z.number().nonnegative(),
  success: z.boolean(),
  errorType: z.string().optional(),
  recovered: z.boolean().optional(),
});
export type StageRecord = z.infer<typeof StageRecordSchema>;

/**
 * A pipeline run as stored after each stage: where it stands (`nextStage`, the output of the stage before it
 * in `data`), every stage record, and how it ended. `version` counts the saves (1 = the first checkpoint).
 */
export const PipelineRunSchema = z.object({
  runId: z.string().min(1).max(1024),
  pipeline: z.string().min(1),
  /** Digest of the run's input: a run id reused for another input is refused, not resumed. */
  inputDigest: z.string(),
  status: z.enum(['running', 'completed', 'failed']),
  nextStage: z.number().int().nonnegative(),
  data: Json,
  records: z.array(StageRecordSchema),
  failure: z
    .object({ stage: z.string(), errorType: z.string(), message: z.string(), detail: Json.optional() })
    .optional(),
  version: z.number().int().positive(),
  updatedAt: z.number(),
});
export type PipelineRun = z.infer<typeof PipelineRunSchema>;

/**
 * Where pipeline runs are checkpointed, so a run cut short (a Lambda timeout, a crash) resumes after its last
 * recorded stage, and a completed run is not run again.
 *
 * @example
 * ```ts
 * const runs: PipelineRunStore = new InMemoryPipelineRunStore();
 * await runs.save({ ...run, version: 1 }); // the first checkpoint: refused if the run exists
 * await runs.save({ ...run, nextStage: 2, version: 2 }); // refused unless version 1 is stored
 * ```
 */
export interface PipelineRunStore {
  /** The run under `runId` (consistent read), or undefined. */
  load(runId: string): Promise<PipelineRun | undefined>;
  /**
   * Stores the run if the stored one is `version - 1` (none, for version 1); else
   * {@link PipelineRunConflictError}: another delivery of the same run checkpointed first.
   */
  save(run: PipelineRun): Promise<void>;
}

/** Another delivery of the run saved first. Transient: a retry loads its checkpoint and goes on from there. */
export class PipelineRunConflictError extends AgentbridgeError {
  override readonly name = 'PipelineRunConflictError';
  readonly runId: string;
  readonly version: number;

  constructor(runId: string, version: number, options?: { cause?: unknown }) {
    super('PIPELINE_RUN_CONFLICT', `Run ${runId}: version ${version - 1} is not the stored one`, {
      ...options,
      transient: true,
    });
    this.runId = runId;
    this.version = version;
  }
}

/** A run the schema refuses (no run id, data that is not JSON) or DynamoDB refuses (over 400 KB). */
export class InvalidPipelineRunError extends AgentbridgeError {
  override readonly name = 'InvalidPipelineRunError';
  readonly runId: string;

  constructor(runId: string, reason: string, options?: { cause?: unknown }) {
    super('INVALID_PIPELINE_RUN', `Invalid pipeline run ${runId}: ${reason}`, options);
    this.runId = runId;
  }
}

/** The checks both adapters share: the run as stored is its schema's parse, as JSON. */
export function encodePipelineRun(run: PipelineRun): PipelineRun {
  const parsed = PipelineRunSchema.safeParse(run);
  if (!parsed.success) {
    throw new InvalidPipelineRunError(String(run?.runId), summarizeIssues(parsed.error), {
      cause: parsed.error,
    });
  }
  return JSON.parse(JSON.stringify(parsed.data)) as PipelineRun;
}

export function assertRunId(runId: string): void {
  if (typeof runId !== 'string' || runId === '')
    throw new InvalidPipelineRunError(String(runId), 'empty run id');
}
