import { fileURLToPath } from 'node:url';
import { ROUTING_HISTORY_TABLE } from 'agentbridge/stores';
import type { OpsDeskArea } from '../area.js';
import { OPS_DIRECTORY_TABLE } from '../intake/directory.js';
import { ASSIGNMENTS_TABLE, DISPATCH_AGENT, RESPONDER_AGENTS } from './agents.js';

const entry = (name: string) => fileURLToPath(new URL(`./handlers/${name}.ts`, import.meta.url));

/** Routing: every opened incident paged to the responder team its shared history scores best. */
export const ROUTING_AREA: OpsDeskArea = {
  name: 'routing',
  tables: [ROUTING_HISTORY_TABLE, ASSIGNMENTS_TABLE, OPS_DIRECTORY_TABLE],
  deploy(bridge) {
    bridge.addAgent(DISPATCH_AGENT, { entry: entry('dispatch') });
    for (const responder of RESPONDER_AGENTS) bridge.addAgent(responder, { entry: entry('responder') });
  },
};
