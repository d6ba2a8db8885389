import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { PIPELINE_RUNS_TABLE as TABLE } from '../../../lambdas/contracts/tables/pipeline-runs-table.js';
import { DynamoDbPipelineRunStore } from '../../../lambdas/stores/pipeline-runs/dynamodb/dynamodb-pipeline-run-store.js';
import { InMemoryPipelineRunStore } from '../../../lambdas/stores/pipeline-runs/in-memory/in-memory-pipeline-run-store.js';
import { createTables } from '../../../local/dynamodb/create-tables.js';
import { describePipelineRunStoreConformance } from '../../conformance/pipeline-run-store-conformance.js';
import { testDynamoClients } from '../../support/dynamodb.js';

beforeAll(() => createTables(testDynamoClients().client, [TABLE]));

const dynamoDbStore = (tableName = TABLE.localName) =>
  new DynamoDbPipelineRunStore({ documentClient: testDynamoClients().documentClient, tableName });

describePipelineRunStoreConformance('in-memory', () => new InMemoryPipelineRunStore());
describePipelineRunStoreConformance('DynamoDB', () => dynamoDbStore());

describe('DynamoDbPipelineRunStore', () => {
  it('reports an item other code wrote that is not a run as CORRUPT_ITEM, naming its key', async () => {
    const runId = `corrupt-${Date.now()}`;
    await testDynamoClients().documentClient.send(
      new PutCommand({ TableName: TABLE.localName, Item: { runId, version: 1, run: '{"status":"odd"}' } }),
    );
    await expect(dynamoDbStore().load(runId)).rejects.toMatchObject({ code: 'CORRUPT_ITEM', key: runId });
  });

  it('reports a missing table as STORE_UNAVAILABLE, a transient error', async () => {
    await expect(dynamoDbStore('no-such-table').load('run-x')).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      transient: true,
    });
  });
});
