import { fileURLToPath } from 'node:url';
import { PIPELINE_RUNS_TABLE } from 'agentbridge/stores';
import type { OpsDeskArea } from '../area.js';
import { INCIDENTS_TABLE, INTAKE_AGENT } from './agents.js';
import { OPS_DIRECTORY_TABLE } from './directory.js';
import { IncidentReported, MONITORING_SOURCE } from './messages.js';

/** Intake: monitoring's reports become opened incidents through the intake pipeline. */
export const INTAKE_AREA: OpsDeskArea = {
  name: 'intake',
  producerSources: { [IncidentReported.name]: MONITORING_SOURCE },
  tables: [PIPELINE_RUNS_TABLE, OPS_DIRECTORY_TABLE, INCIDENTS_TABLE],
  deploy(bridge) {
    bridge.addAgent(INTAKE_AGENT, { entry: fileURLToPath(new URL('./handlers/intake.ts', import.meta.url)) });
  },
};
