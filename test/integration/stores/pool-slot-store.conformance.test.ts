import { beforeAll, describe, expect, it } from 'vitest';
import { POOL_SLOTS_TABLE as TABLE } from '../../../lambdas/contracts/tables/pool-slots-table.js';
import { DynamoDbPoolSlotStore } from '../../../lambdas/stores/pool-slots/dynamodb/dynamodb-pool-slot-store.js';
import { InMemoryPoolSlotStore } from '../../../lambdas/stores/pool-slots/in-memory/in-memory-pool-slot-store.js';
import { createTables } from '../../../local/dynamodb/create-tables.js';
import { describePoolSlotStoreConformance } from '../../conformance/pool-slot-store-conformance.js';
import { testDynamoClients } from '../../support/dynamodb.js';

beforeAll(() => createTables(testDynamoClients().client, [TABLE]));

const dynamoDbStore = (tableName = TABLE.localName) =>
  new DynamoDbPoolSlotStore({ documentClient: testDynamoClients().documentClient, tableName });

describePoolSlotStoreConformance('in-memory', () => new InMemoryPoolSlotStore());
describePoolSlotStoreConformance('DynamoDB', () => dynamoDbStore());

describe('DynamoDbPoolSlotStore', () => {
  it('reports a missing table as STORE_UNAVAILABLE, a transient error', async () => {
    await expect(dynamoDbStore('no-such-table').read('pool-x')).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      transient: true,
    });
  });
});
