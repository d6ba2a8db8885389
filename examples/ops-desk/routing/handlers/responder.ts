import { agentFunctionWiring, agentHandler } from 'agentbridge/lambda';
import { DynamoDbItemStore } from 'agentbridge/stores';
import { OPS_DIRECTORY_TABLE } from '../../intake/directory.js';
import { RESPONDER_AGENTS, ShiftEntry } from '../agents.js';

// One bundle for every responder team: the function's name says which team it is.
const functionName = process.env.AWS_LAMBDA_FUNCTION_NAME ?? '';
const responder = RESPONDER_AGENTS.find((agent) => functionName.endsWith(agent.agentType));
if (responder === undefined) throw new Error(`${functionName} is no responder team's function`);
const wiring = agentFunctionWiring(responder.agentType);

export const handler = agentHandler(
  responder,
  {
    shifts: new DynamoDbItemStore({
      documentClient: wiring.documentClient,
      tableName: wiring.tableName(OPS_DIRECTORY_TABLE),
      table: OPS_DIRECTORY_TABLE,
      schema: ShiftEntry,
    }),
  },
  wiring.deps,
);
