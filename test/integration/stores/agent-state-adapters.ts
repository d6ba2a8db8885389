import { randomUUID } from 'node:crypto';
import { AGENT_STATE_TABLE } from '../../../lambdas/contracts/tables/agent-state-table.js';
import type { AgentStateStore } from '../../../lambdas/stores/agent-state/agent-state-store.js';
import { DynamoDbAgentStateStore } from '../../../lambdas/stores/agent-state/dynamodb/dynamodb-agent-state-store.js';
import { InMemoryAgentStateStore } from '../../../lambdas/stores/agent-state/in-memory/in-memory-agent-state-store.js';
import { testDynamoClients } from '../../support/dynamodb.js';

/** Both agent-state adapters, for the suites that must hold on each (DynamoDB on DynamoDB Local). */
export const agentStateAdapters: ReadonlyArray<readonly [string, () => AgentStateStore]> = [
  ['in-memory', () => new InMemoryAgentStateStore()],
  [
    'DynamoDB',
    () =>
      new DynamoDbAgentStateStore({
        documentClient: testDynamoClients().documentClient,
        tableName: AGENT_STATE_TABLE.localName,
        // Two items a page, so every listing also exercises pagination.
        queryPageSize: 2,
      }),
  ],
];

/** A fresh agent type per test keeps parallel test files apart on the shared table. */
export const uniqueAgentType = (): string => `t${randomUUID().replaceAll('-', '').slice(0, 12)}`;
