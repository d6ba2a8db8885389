import { agentFunctionWiring, agentHandler } from 'agentbridge/lambda';
import { DECIDE_OPERATIONAL_AGENT } from '../agents.js';

export const handler = agentHandler(
  DECIDE_OPERATIONAL_AGENT,
  {},
  agentFunctionWiring(DECIDE_OPERATIONAL_AGENT.agentType).deps,
);
