import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { POOL_SLOTS_TABLE as TABLE } from '../../../lambdas/contracts/tables/pool-slots-table.js';
import { AgentPool } from '../../../lambdas/patterns/agent-pool/agent-pool.js';
import { DynamoDbPoolSlotStore } from '../../../lambdas/stores/pool-slots/dynamodb/dynamodb-pool-slot-store.js';
import { createTables } from '../../../local/dynamodb/create-tables.js';
import { testDynamoClients } from '../dynamodb.js';
import type { TableWorkload } from './table-workload.js';

/** An agent pool's every store call: first use sets the size, grants grow it, releases shrink it, stats. */
export const poolSlotsWorkload: TableWorkload = async ({ documentClient }) => {
  await createTables(testDynamoClients().client, [TABLE]);
  const store = new DynamoDbPoolSlotStore({ documentClient, tableName: TABLE.localName });
  const pool = new AgentPool({ store, pool: `iam-${randomUUID()}`, minSize: 1, maxSize: 3 });
  const slots = [await pool.acquire({ timeoutMs: 0 }), await pool.acquire({ timeoutMs: 0 })];
  for (const slot of slots) expect(await slot.release()).toBe(true);
  expect((await pool.stats()).requestsServed).toBe(2);
};
