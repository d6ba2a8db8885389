import { agentFunctionWiring, agentHandler } from 'agentbridge/lambda';
import { DynamoDbItemStore, DynamoDbRoutingHistory, ROUTING_HISTORY_TABLE } from 'agentbridge/stores';
import { ASSIGNMENTS_TABLE, Assignment, DISPATCH_AGENT } from '../agents.js';

const wiring = agentFunctionWiring(DISPATCH_AGENT.agentType);
const { documentClient } = wiring;

export const handler = agentHandler(
  DISPATCH_AGENT,
  {
    history: new DynamoDbRoutingHistory({
      documentClient,
      tableName: wiring.tableName(ROUTING_HISTORY_TABLE),
    }),
    assignments: new DynamoDbItemStore({
      documentClient,
      tableName: wiring.tableName(ASSIGNMENTS_TABLE),
      table: ASSIGNMENTS_TABLE,
      schema: Assignment,
    }),
  },
  wiring.deps,
);
