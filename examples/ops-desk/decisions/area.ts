import { fileURLToPath } from 'node:url';
import type { OpsDeskArea } from '../area.js';
import { DECISION_AGENTS } from './agents.js';

/** Decisions: capacity for a remediation, decided layer by layer, each layer its own agent. */
export const DECISIONS_AREA: OpsDeskArea = {
  name: 'decisions',
  deploy(bridge) {
    for (const agent of DECISION_AGENTS) {
      bridge.addAgent(agent, {
        entry: fileURLToPath(new URL(`./handlers/${agent.agentType}.ts`, import.meta.url)),
      });
    }
  },
};
