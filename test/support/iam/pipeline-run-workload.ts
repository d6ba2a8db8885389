import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { PIPELINE_RUNS_TABLE as TABLE } from '../../../lambdas/contracts/tables/pipeline-runs-table.js';
import { pipeline } from '../../../lambdas/patterns/pipeline/pipeline-builder.js';
import { stageOutput } from '../../../lambdas/patterns/pipeline/stage.js';
import { DynamoDbPipelineRunStore } from '../../../lambdas/stores/pipeline-runs/dynamodb/dynamodb-pipeline-run-store.js';
import { createTables } from '../../../local/dynamodb/create-tables.js';
import { testDynamoClients } from '../dynamodb.js';
import type { TableWorkload } from './table-workload.js';

/** A pipeline's every store call: a miss, a checkpoint per stage, a completed run answered from its record. */
export const pipelineRunWorkload: TableWorkload = async ({ documentClient }) => {
  await createTables(testDynamoClients().client, [TABLE]);
  const runs = new DynamoDbPipelineRunStore({ documentClient, tableName: TABLE.localName });
  const twice = { name: 'twice', run: (n: number) => stageOutput(n * 2) };
  const built = pipeline<number>('iam')
    .stage(twice)
    .stage({ ...twice, name: 'again' })
    .build({ runs });
  const runId = `iam-${randomUUID()}`;
  expect((await built.run(runId, 3)).output).toBe(12);
  expect((await built.run(runId, 3)).replayed).toBe(true);
};
