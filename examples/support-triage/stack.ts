import { fileURLToPath } from 'node:url';
import { AgentBridge } from 'agentbridge/cdk';
import { AGENT_STATE_TABLE, IDEMPOTENCY_TABLE } from 'agentbridge/stores';
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ASSIGNMENT_AGENT, TICKETS_TABLE, TRIAGE_AGENT } from './agents.js';

const entry = (name: string): string => fileURLToPath(new URL(`./handlers/${name}.ts`, import.meta.url));

/** Support-ticket triage on AWS: the desk's TicketOpened → triage → AssignTicket → assignment → tickets. */
export class SupportTriageStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const bridge = new AgentBridge(this, 'Support', {
      namePrefix: 'support',
      producerSources: { TicketOpened: 'support.desk' },
    });
    for (const table of [IDEMPOTENCY_TABLE, AGENT_STATE_TABLE, TICKETS_TABLE]) bridge.addTable(table);
    bridge.addAgent(TRIAGE_AGENT, { entry: entry('triage') });
    bridge.addAgent(ASSIGNMENT_AGENT, { entry: entry('assignment') });
  }
}
