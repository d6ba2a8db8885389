import { AgentbridgeError } from '../../contracts/agentbridge-error.js';
import type { JsonValue } from '../../stores/cache/json-value.js';
import type { StageRecord } from './stage-record.js';

/** A pipeline defined wrongly (no stages, two stages of one name, an invalid name): raised when it is built. */
export class InvalidPipelineError extends AgentbridgeError {
  override readonly name = 'InvalidPipelineError';
  readonly pipeline: string;

  constructor(pipeline: string, problem: string) {
    super('INVALID_PIPELINE', `Pipeline ${JSON.stringify(pipeline)}: ${problem}`);
    this.pipeline = pipeline;
  }
}

/**
 * A stage reported an error no handler recovered from: the pipeline stopped there. Names the stage, the
 * error type and its details; `records` holds every stage execution of the run. Not transient: the run is
 * recorded as failed, and a redelivery gets this error again without running anything.
 */
export class PipelineFailedError extends AgentbridgeError {
  override readonly name = 'PipelineFailedError';
  readonly pipeline: string;
  readonly runId: string;
  readonly stage: string;
  readonly errorType: string;
  readonly detail: JsonValue | undefined;
  readonly records: readonly StageRecord[];

  constructor(fields: {
    pipeline: string;
    runId: string;
    stage: string;
    errorType: string;
    message: string;
    detail?: JsonValue;
    records: readonly StageRecord[];
  }) {
    super(
      'PIPELINE_STAGE_FAILED',
      `Pipeline ${fields.pipeline} failed at stage ${fields.stage} (${fields.errorType}): ${fields.message}`,
    );
    this.pipeline = fields.pipeline;
    this.runId = fields.runId;
    this.stage = fields.stage;
    this.errorType = fields.errorType;
    this.detail = fields.detail;
    this.records = fields.records;
  }
}

/** A run id already names a run of another input (or another pipeline): nothing ran, nothing was overwritten. */
export class PipelineRunMismatchError extends AgentbridgeError {
  override readonly name = 'PipelineRunMismatchError';
  readonly runId: string;

  constructor(runId: string, problem: string) {
    super('PIPELINE_RUN_MISMATCH', `Run ${runId} ${problem}`);
    this.runId = runId;
  }
}
