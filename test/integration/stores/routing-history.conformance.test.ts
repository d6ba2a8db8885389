import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTING_HISTORY_TABLE as TABLE } from '../../../lambdas/contracts/tables/routing-history-table.js';
import { DynamoDbRoutingHistory } from '../../../lambdas/stores/routing-history/dynamodb/dynamodb-routing-history.js';
import { InMemoryRoutingHistory } from '../../../lambdas/stores/routing-history/in-memory/in-memory-routing-history.js';
import { createTables } from '../../../local/dynamodb/create-tables.js';
import { describeRoutingHistoryConformance } from '../../conformance/routing-history-conformance.js';
import { testDynamoClients } from '../../support/dynamodb.js';

beforeAll(() => createTables(testDynamoClients().client, [TABLE]));

const dynamoDb = (tableName = TABLE.localName) =>
  new DynamoDbRoutingHistory({ documentClient: testDynamoClients().documentClient, tableName });

describeRoutingHistoryConformance('in-memory', () => new InMemoryRoutingHistory());
describeRoutingHistoryConformance('DynamoDB', () => dynamoDb());

describe('DynamoDbRoutingHistory', () => {
  it('shares one history between the containers that use the same table', async () => {
    const router = `shared-${Date.now()}`;
    await dynamoDb().begin(router, 'sre');
    expect((await dynamoDb().statsOf(router, ['sre'])).get('sre')?.inFlight).toBe(1);
  });

  it('reports a missing table as STORE_UNAVAILABLE, a transient error', async () => {
    await expect(dynamoDb('no-such-table').model('r')).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      transient: true,
    });
  });
});
