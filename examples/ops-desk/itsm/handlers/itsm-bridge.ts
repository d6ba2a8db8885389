import { requiredEnv } from 'agentbridge/aws';
import { agentFunctionWiring, agentHandler } from 'agentbridge/lambda';
import { AgentPool, LegacyAdapter } from 'agentbridge/patterns';
import { DynamoDbItemStore, DynamoDbPoolSlotStore, POOL_SLOTS_TABLE } from 'agentbridge/stores';
import { CREATE_TICKET, ITSM_BRIDGE_AGENT, TICKETS_TABLE, Ticket } from '../agents.js';

const wiring = agentFunctionWiring(ITSM_BRIDGE_AGENT.agentType);
const { documentClient } = wiring;

export const handler = agentHandler(
  ITSM_BRIDGE_AGENT,
  {
    itsm: new LegacyAdapter({
      system: 'itsm',
      baseUrl: requiredEnv(process.env, 'ITSM_URL'),
      operations: { createTicket: CREATE_TICKET },
      timeoutMs: 10_000,
      transientCodes: ['LOCKED'],
    }),
    pool: new AgentPool({
      store: new DynamoDbPoolSlotStore({ documentClient, tableName: wiring.tableName(POOL_SLOTS_TABLE) }),
      pool: 'itsm-calls',
      minSize: 1,
      maxSize: 3,
      leaseMs: 30_000,
    }),
    tickets: new DynamoDbItemStore({
      documentClient,
      tableName: wiring.tableName(TICKETS_TABLE),
      table: TICKETS_TABLE,
      schema: Ticket,
    }),
  },
  wiring.deps,
);
