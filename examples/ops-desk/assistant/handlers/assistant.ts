import { agentFunctionWiring, agentHandler } from 'agentbridge/lambda';
import { AGENT_STATE_TABLE, DynamoDbAgentStateStore, DynamoDbItemStore } from 'agentbridge/stores';
import { FLEET_TABLE, FleetEntry } from '../../runbooks/fleet.js';
import { ASSISTANT_AGENT } from '../agents.js';
import { modelFromEnv } from '../model-env.js';

const wiring = agentFunctionWiring(ASSISTANT_AGENT.agentType);
const { documentClient } = wiring;

export const handler = agentHandler(
  ASSISTANT_AGENT,
  {
    model: modelFromEnv(),
    fleet: new DynamoDbItemStore({
      documentClient,
      tableName: wiring.tableName(FLEET_TABLE),
      table: FLEET_TABLE,
      schema: FleetEntry,
    }),
    steps: new DynamoDbAgentStateStore({ documentClient, tableName: wiring.tableName(AGENT_STATE_TABLE) }),
  },
  wiring.deps,
);
