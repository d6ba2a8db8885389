import { AgentBridge } from 'agentbridge/cdk';
import { AGENT_STATE_TABLE, IDEMPOTENCY_TABLE, type TableDefinition } from 'agentbridge/stores';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { OpsDeskArea, OpsDeskSettings } from './area.js';
import { ASSISTANT_AREA } from './assistant/area.js';
import { DECISIONS_AREA } from './decisions/area.js';
import { ENRICHMENT_AREA } from './enrichment/area.js';
import { HEALTH_AREA } from './health/area.js';
import { INTAKE_AREA } from './intake/area.js';
import { ITSM_AREA } from './itsm/area.js';
import { PAGING_AREA } from './paging/area.js';
import { ROUTING_AREA } from './routing/area.js';
import { RUNBOOKS_AREA } from './runbooks/area.js';

/** The desk's areas, in the order an incident meets them. */
export const AREAS: readonly OpsDeskArea[] = [
  INTAKE_AREA,
  ROUTING_AREA,
  DECISIONS_AREA,
  RUNBOOKS_AREA,
  ITSM_AREA,
  ASSISTANT_AREA,
  HEALTH_AREA,
  ENRICHMENT_AREA,
  PAGING_AREA,
];

/** The desk's bus: other services (monitoring, operators' tools) publish onto it by this name. */
export const OPS_DESK_BUS_NAME = 'opsdesk';

/** The settings CDK context gives (see {@link OpsDeskSettings}); an unknown model is refused at synth. */
export function opsDeskSettings(scope: Construct): OpsDeskSettings {
  const model = scope.node.tryGetContext('opsdesk:model') ?? 'bedrock';
  if (model !== 'bedrock' && model !== 'scripted') {
    throw new Error(`opsdesk:model is bedrock or scripted, not ${String(model)}`);
  }
  const modelId = scope.node.tryGetContext('opsdesk:modelId');
  return { model, modelId: typeof modelId === 'string' ? modelId : undefined };
}

/**
 * The operations desk on AWS: incident reports from monitoring are taken in through a pipeline, routed to the
 * best responder, decided on layer by layer, remedied by runbooks, and an assistant answers the operators —
 * each area's agents on one bus, with the tables they share.
 */
export class OpsDeskStack extends Stack {
  readonly bridge: AgentBridge;

  constructor(
    scope: Construct,
    id: string,
    props?: StackProps & { readonly areas?: readonly OpsDeskArea[] },
  ) {
    super(scope, id, props);
    const areas = props?.areas ?? AREAS;
    const producerSources: Record<string, string> = {};
    const tables = new Map<string, TableDefinition>();
    for (const table of [IDEMPOTENCY_TABLE, AGENT_STATE_TABLE]) tables.set(table.id, table);
    for (const area of areas) {
      for (const [detailType, source] of Object.entries(area.producerSources ?? {})) {
        const claimed = producerSources[detailType];
        if (claimed !== undefined && claimed !== source) {
          throw new Error(
            `${area.name} publishes ${detailType} from ${source}, already claimed by ${claimed}`,
          );
        }
        producerSources[detailType] = source;
      }
      for (const table of area.tables ?? []) tables.set(table.id, table);
    }
    this.bridge = new AgentBridge(this, 'OpsDesk', {
      namePrefix: 'opsdesk',
      producerSources,
      eventBusProps: { eventBusName: OPS_DESK_BUS_NAME },
      // Whatever reaches the desk's bus and no agent takes waits in the unrouted queue for an operator.
      unroutedEvents: true,
    });
    for (const table of tables.values()) this.bridge.addTable(table);
    const settings = opsDeskSettings(this);
    for (const area of areas) area.deploy(this.bridge, settings);
    new CfnOutput(this, 'EventBusName', { value: this.bridge.eventBus.eventBusName });
  }
}
