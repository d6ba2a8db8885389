import { fileURLToPath } from 'node:url';
import type { OpsDeskArea } from '../area.js';
import { INCIDENTS_TABLE } from '../intake/agents.js';
import { ASSIGNMENTS_TABLE } from '../routing/agents.js';
import { DESK_HEALTH, DESK_HEALTH_AGENT } from './agents.js';

/**
 * The desk's health: a collector invoked every minute reads the register into CloudWatch metrics (EMF), and
 * each declared alert rule is a CloudWatch alarm on them, drawn on the desk's dashboard.
 */
export const HEALTH_AREA: OpsDeskArea = {
  name: 'health',
  tables: [INCIDENTS_TABLE, ASSIGNMENTS_TABLE],
  deploy(bridge) {
    bridge.addMetricsCollector(DESK_HEALTH, DESK_HEALTH_AGENT, {
      entry: fileURLToPath(new URL('./handlers/desk-health.ts', import.meta.url)),
    });
  },
};
