import { metricsCollectorHandler, metricsCollectorWiring } from 'agentbridge/lambda';
import { MetricsCollector } from 'agentbridge/patterns';
import { INCIDENTS_TABLE } from '../../intake/agents.js';
import { ASSIGNMENTS_TABLE } from '../../routing/agents.js';
import { DESK_HEALTH, deskHealthSources } from '../agents.js';
import { DynamoDbDeskRegister } from '../register.js';

const wiring = metricsCollectorWiring(DESK_HEALTH);
const register = new DynamoDbDeskRegister(wiring.documentClient, {
  incidents: wiring.tableName(INCIDENTS_TABLE),
  assignments: wiring.tableName(ASSIGNMENTS_TABLE),
});

export const handler = metricsCollectorHandler(
  new MetricsCollector({
    declaration: DESK_HEALTH,
    sources: deskHealthSources(register),
    sinks: [wiring.emf],
  }),
  wiring.logger,
);
