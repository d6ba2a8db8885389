import { EVENT_STORE_TABLE } from '../../../lambdas/contracts/tables/event-store-table.js';
import { DynamoDbEventStoreAdapter } from '../../../lambdas/stores/event-store/dynamodb/dynamodb-event-store-adapter.js';
import { InMemoryEventStoreAdapter } from '../../../lambdas/stores/event-store/in-memory/in-memory-event-store-adapter.js';
import { describeEventStoreConformance } from '../../conformance/event-store-conformance.js';
import { testDynamoClients } from '../../support/dynamodb.js';

describeEventStoreConformance('in-memory', () => ({
  adapter: new InMemoryEventStoreAdapter(),
  propertyRuns: 200,
}));

describeEventStoreConformance('DynamoDB', () => ({
  adapter: new DynamoDbEventStoreAdapter({
    documentClient: testDynamoClients().documentClient,
    tableName: EVENT_STORE_TABLE.localName,
  }),
  propertyRuns: 25,
}));
