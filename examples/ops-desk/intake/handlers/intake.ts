import { systemClock } from 'agentbridge';
import { agentFunctionWiring, agentHandler } from 'agentbridge/lambda';
import { DynamoDbItemStore, DynamoDbPipelineRunStore, PIPELINE_RUNS_TABLE } from 'agentbridge/stores';
import { INCIDENTS_TABLE, INTAKE_AGENT } from '../agents.js';
import { directoryOf, OPS_DIRECTORY_TABLE } from '../directory.js';
import { Incident } from '../messages.js';

const wiring = agentFunctionWiring(INTAKE_AGENT.agentType);
const { documentClient } = wiring;
const directory = directoryOf(
  (schema) =>
    new DynamoDbItemStore({
      documentClient,
      tableName: wiring.tableName(OPS_DIRECTORY_TABLE),
      table: OPS_DIRECTORY_TABLE,
      schema,
    }),
);

export const handler = agentHandler(
  INTAKE_AGENT,
  {
    runs: new DynamoDbPipelineRunStore({ documentClient, tableName: wiring.tableName(PIPELINE_RUNS_TABLE) }),
    directory,
    incidents: new DynamoDbItemStore({
      documentClient,
      tableName: wiring.tableName(INCIDENTS_TABLE),
      table: INCIDENTS_TABLE,
      schema: Incident,
    }),
    clock: systemClock,
    metrics: wiring.deps.metrics,
  },
  wiring.deps,
);
