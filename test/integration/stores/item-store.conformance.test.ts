import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { DynamoDbItemStore } from '../../../lambdas/stores/items/dynamodb/dynamodb-item-store.js';
import { InMemoryItemStore } from '../../../lambdas/stores/items/in-memory/in-memory-item-store.js';
import { createTables } from '../../../local/dynamodb/create-tables.js';
import {
  describeItemStoreConformance,
  ITEM_STORE_CONFORMANCE_TABLE as TABLE,
} from '../../conformance/item-store-conformance.js';
import { testDynamoClients } from '../../support/dynamodb.js';

beforeAll(() => createTables(testDynamoClients().client, [TABLE]));

describeItemStoreConformance('in-memory', (table, schema) => new InMemoryItemStore({ table, schema }));
describeItemStoreConformance(
  'DynamoDB',
  (table, schema) =>
    new DynamoDbItemStore({
      documentClient: testDynamoClients().documentClient,
      tableName: table.localName,
      table,
      schema,
    }),
);

describe('DynamoDbItemStore', () => {
  const schema = z.object({ itemId: z.string(), title: z.string() });
  const store = () =>
    new DynamoDbItemStore({
      documentClient: testDynamoClients().documentClient,
      tableName: TABLE.localName,
      table: TABLE,
      schema,
    });

  it('reports an item written by other code that the schema refuses as CORRUPT_ITEM, naming its key', async () => {
    const Item = { itemId: `corrupt-${Date.now()}`, title: 42 };
    await testDynamoClients().documentClient.send(new PutCommand({ TableName: TABLE.localName, Item }));
    await expect(store().get(Item.itemId)).rejects.toMatchObject({
      name: 'CorruptItemError',
      code: 'CORRUPT_ITEM',
      key: Item.itemId,
    });
  });

  it('reports a missing table as STORE_UNAVAILABLE, a transient error', async () => {
    const missing = new DynamoDbItemStore({
      documentClient: testDynamoClients().documentClient,
      tableName: 'no-such-table',
      table: TABLE,
      schema,
    });
    await expect(missing.get('x')).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      store: TABLE.id,
      transient: true,
    });
    await expect(missing.put({ itemId: 'x', title: 'y' })).rejects.toMatchObject({ operation: 'put' });
  });

  it('refuses an item over DynamoDB’s 400 KB limit as INVALID_ITEM, not a retryable failure', async () => {
    const huge = { itemId: `huge-${Date.now()}`, title: 'x'.repeat(410 * 1024) };
    await expect(store().put(huge)).rejects.toMatchObject({ name: 'InvalidItemError', code: 'INVALID_ITEM' });
  });

  it('needs a table with a string partition key and no sort key', () => {
    const sorted = { ...TABLE, sortKey: { name: 'sk', type: 'S' as const } };
    expect(() => new InMemoryItemStore({ table: sorted, schema })).toThrow(/no sort key/);
  });
});
