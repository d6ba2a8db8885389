import { fileURLToPath } from 'node:url';
import type { OpsDeskArea } from '../area.js';
import { OPS_DIRECTORY_TABLE } from '../intake/directory.js';
import { RUNBOOK_AGENT } from './agents.js';
import { FLEET_TABLE } from './fleet.js';

/** Runbooks: named tool chains on the fleet, run by request. */
export const RUNBOOKS_AREA: OpsDeskArea = {
  name: 'runbooks',
  tables: [FLEET_TABLE, OPS_DIRECTORY_TABLE],
  deploy(bridge) {
    bridge.addAgent(RUNBOOK_AGENT, {
      entry: fileURLToPath(new URL('./handlers/runbook.ts', import.meta.url)),
    });
  },
};
