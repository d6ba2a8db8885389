import { fileURLToPath } from 'node:url';
import { POOL_SLOTS_TABLE } from 'agentbridge/stores';
import type { OpsDeskArea } from '../area.js';
import { ITSM_BRIDGE_AGENT, TICKETS_TABLE } from './agents.js';

/** Where the ITSM is, from CDK context `opsdesk:itsmUrl` (the company's ITSM by default). */
const ITSM_URL_CONTEXT = 'opsdesk:itsmUrl';

/** The legacy ITSM: every opened incident gets its ticket of record, within the ITSM's concurrency. */
export const ITSM_AREA: OpsDeskArea = {
  name: 'itsm',
  tables: [POOL_SLOTS_TABLE, TICKETS_TABLE],
  deploy(bridge) {
    const url = bridge.node.tryGetContext(ITSM_URL_CONTEXT);
    bridge.addAgent(ITSM_BRIDGE_AGENT, {
      entry: fileURLToPath(new URL('./handlers/itsm-bridge.ts', import.meta.url)),
      functionProps: {
        environment: { ITSM_URL: typeof url === 'string' ? url : 'https://itsm.internal.example.com' },
      },
    });
  },
};
