import { agentFunctionWiring, agentHandler } from 'agentbridge/lambda';
import { DynamoDbItemStore } from 'agentbridge/stores';
import { DeploysEntry, OPS_DIRECTORY_TABLE } from '../../intake/directory.js';
import { RUNBOOK_AGENT } from '../agents.js';
import { FLEET_TABLE, FleetEntry } from '../fleet.js';

const wiring = agentFunctionWiring(RUNBOOK_AGENT.agentType);
const { documentClient } = wiring;

export const handler = agentHandler(
  RUNBOOK_AGENT,
  {
    fleet: new DynamoDbItemStore({
      documentClient,
      tableName: wiring.tableName(FLEET_TABLE),
      table: FLEET_TABLE,
      schema: FleetEntry,
    }),
    deployLog: new DynamoDbItemStore({
      documentClient,
      tableName: wiring.tableName(OPS_DIRECTORY_TABLE),
      table: OPS_DIRECTORY_TABLE,
      schema: DeploysEntry,
    }),
    metrics: wiring.deps.metrics,
  },
  wiring.deps,
);
