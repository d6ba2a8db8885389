import type { TableAccess } from '../../../lambdas/contracts/table-access.js';
import type { StateMachineUse } from '../../../lambdas/runtime/agent-spec.js';
import type { Subscription } from '../../../lambdas/runtime/subscription.js';
import { AGENT_CATALOG } from '../../../lib/agent-catalog.js';

/** One catalog entry with its declaration's fields, defaults applied: what the template must show. */
export interface CatalogAgent {
  readonly id: string;
  readonly entry: string;
  readonly agentType: string;
  readonly hostsAgent: boolean;
  readonly subscriptions: readonly Subscription[];
  readonly tables: readonly TableAccess[];
  readonly sendsTo: readonly string[];
  readonly publishes: boolean;
  readonly stateMachines: readonly StateMachineUse[];
  readonly eventStoreStream: boolean;
}

/**
 * The order system's catalog as the infra tests compare it with the synthesized template: each function's
 * entry with the declaration it deploys (and the defaults `AgentBridge.addAgent` applies) spelled out.
 */
export const CATALOG_AGENTS: readonly CatalogAgent[] = AGENT_CATALOG.map(
  ({ id, entry, declaration, eventStoreStream }) => ({
    id,
    entry,
    agentType: declaration.agentType,
    hostsAgent: declaration.hostsAgent ?? true,
    subscriptions: declaration.subscriptions ?? [],
    tables: declaration.tables ?? [],
    sendsTo: declaration.sendsTo ?? [],
    publishes: declaration.publishes ?? false,
    stateMachines: declaration.stateMachines ?? [],
    eventStoreStream: eventStoreStream ?? false,
  }),
);
