import { randomUUID } from 'node:crypto';
import { AGENT_STATE_TABLE } from '../../../lambdas/contracts/tables/agent-state-table.js';
import { DynamoDbAgentStateStore } from '../../../lambdas/stores/agent-state/dynamodb/dynamodb-agent-state-store.js';
import { describeRuntimeConformance } from '../../conformance/runtime-conformance.js';
import { createAwsLoopbackHarness } from '../../support/aws-loopback/aws-loopback-harness.js';
import { NamespacedAgentStateStore } from '../../support/aws-loopback/namespaced-agent-state-store.js';
import { testDynamoClients } from '../../support/dynamodb.js';

const { documentClient } = testDynamoClients();
const table = new DynamoDbAgentStateStore({ documentClient, tableName: AGENT_STATE_TABLE.localName });

/**
 * The AWS runtime through the loopback, with agent state on DynamoDB Local (the adapter deployed functions
 * use): every delivery reads and conditionally writes the agent's item, and behaviour 14 (save, then load into
 * a fresh deployment) goes through Query and PutItem. Each harness gets its own namespace of agent types.
 */
describeRuntimeConformance('aws runtime (loopback, agent state on DynamoDB Local)', () =>
  createAwsLoopbackHarness({
    stateStore: new NamespacedAgentStateStore(table, `t${randomUUID().slice(0, 8)}`),
  }),
);
