import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import * as z from 'zod';
import { DynamoDbItemStore } from '../../../lambdas/stores/items/dynamodb/dynamodb-item-store.js';
import { createTables } from '../../../local/dynamodb/create-tables.js';
import { ITEM_STORE_CONFORMANCE_TABLE as TABLE } from '../../conformance/item-store-conformance.js';
import { testDynamoClients } from '../dynamodb.js';
import type { TableWorkload } from './table-workload.js';

/** An item store's every operation: a miss, a put, a read, a replacing put, a refused item (sends nothing). */
export const itemStoreWorkload: TableWorkload = async ({ documentClient }) => {
  await createTables(testDynamoClients().client, [TABLE]);
  const schema = z.object({ itemId: z.string(), title: z.string().min(1) });
  const store = new DynamoDbItemStore({ documentClient, tableName: TABLE.localName, table: TABLE, schema });
  const itemId = `iam-${randomUUID()}`;
  expect(await store.get(itemId)).toBeUndefined();
  await store.put({ itemId, title: 'first' });
  await store.put({ itemId, title: 'second' });
  expect(await store.get(itemId)).toEqual({ itemId, title: 'second' });
  await expect(store.put({ itemId, title: '' })).rejects.toMatchObject({ code: 'INVALID_ITEM' });
};
