import { agentFunctionWiring, agentHandler } from 'agentbridge/lambda';
import { DECIDE_TACTICAL_AGENT } from '../agents.js';

export const handler = agentHandler(
  DECIDE_TACTICAL_AGENT,
  {},
  agentFunctionWiring(DECIDE_TACTICAL_AGENT.agentType).deps,
);
