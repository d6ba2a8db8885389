import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { ROUTING_HISTORY_TABLE as TABLE } from '../../../lambdas/contracts/tables/routing-history-table.js';
import { SmartRouter } from '../../../lambdas/patterns/smart-routing/smart-router.js';
import { DynamoDbRoutingHistory } from '../../../lambdas/stores/routing-history/dynamodb/dynamodb-routing-history.js';
import { createTables } from '../../../local/dynamodb/create-tables.js';
import { testDynamoClients } from '../dynamodb.js';
import type { TableWorkload } from './table-workload.js';

/** A router's every store call: scoring reads, outcomes recorded, a fallback, a retraining that trims. */
export const routingHistoryWorkload: TableWorkload = async ({ documentClient }) => {
  await createTables(testDynamoClients().client, [TABLE]);
  const history = new DynamoDbRoutingHistory({ documentClient, tableName: TABLE.localName });
  const router = new SmartRouter<string, string>({
    name: `iam-${randomUUID()}`,
    history,
    candidates: () => ['a', 'b'],
    features: (request) => ({ kind: request.payload }),
    send: async (candidate) => {
      if (candidate === 'a') throw new Error('a is down');
      return candidate;
    },
    retrainAfter: 3,
    keep: 1,
  });
  for (let i = 0; i < 2; i++) expect((await router.route({ type: 't', payload: 'p' })).candidate).toBe('b');
  expect(await history.model(router.name)).toBeDefined();
};
