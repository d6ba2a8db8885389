import { agentFunctionWiring, agentHandler } from 'agentbridge/lambda';
import { TRIAGE_AGENT } from '../agents.js';

export const handler = agentHandler(TRIAGE_AGENT, {}, agentFunctionWiring(TRIAGE_AGENT.agentType).deps);
