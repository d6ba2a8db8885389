import { agentFunctionWiring, agentHandler } from 'agentbridge/lambda';
import { DynamoDbItemStore } from 'agentbridge/stores';
import { ASSIGNMENT_AGENT, Assignment, TICKETS_TABLE } from '../agents.js';

const wiring = agentFunctionWiring(ASSIGNMENT_AGENT.agentType);
const tickets = new DynamoDbItemStore({
  documentClient: wiring.documentClient,
  tableName: wiring.tableName(TICKETS_TABLE),
  table: TICKETS_TABLE,
  schema: Assignment,
});

export const handler = agentHandler(ASSIGNMENT_AGENT, { tickets }, wiring.deps);
