import { agentFunctionWiring, agentHandler } from 'agentbridge/lambda';
import { DECIDE_STRATEGIC_AGENT } from '../agents.js';

export const handler = agentHandler(
  DECIDE_STRATEGIC_AGENT,
  {},
  agentFunctionWiring(DECIDE_STRATEGIC_AGENT.agentType).deps,
);
