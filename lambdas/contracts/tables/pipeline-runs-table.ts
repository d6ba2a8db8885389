import type { TableDefinition } from '../table-definition.js';

/**
 * Pipeline runs: one item per run (`runId`), holding its status, the next stage, the last stage's output and
 * every stage record, with an optimistic `version`. No TTL: a completed run is what stops a redelivered
 * input from running again, for as long as the input may come back.
 *
 * @example
 * ```ts
 * const tableName = process.env[PIPELINE_RUNS_TABLE.envVar] ?? PIPELINE_RUNS_TABLE.localName;
 * ```
 */
export const PIPELINE_RUNS_TABLE: TableDefinition = {
  id: 'PipelineRuns',
  envVar: 'AGENTBRIDGE_PIPELINE_RUNS_TABLE_NAME',
  localName: 'agentbridge-pipeline-runs',
  partitionKey: { name: 'runId', type: 'S' },
};
