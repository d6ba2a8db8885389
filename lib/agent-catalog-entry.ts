import { ENV } from '../lambdas/contracts/env-names.js';
import { STATE_MACHINES, type StateMachineKey } from '../lambdas/contracts/state-machines.js';
import type { TableAccess } from '../lambdas/contracts/table-access.js';
import type { AgentSpec, StateMachineAccess } from '../lambdas/runtime/agent-spec.js';
import type { Subscription } from '../lambdas/runtime/subscription.js';

/**
 * One deployed function of the order system: which handler file, which agent type it hosts, what it is
 * subscribed to, and exactly what it may touch. The stack builds every function from these entries and the
 * infra tests check every role against them, so this list is the least-privilege contract.
 */
export interface AgentCatalogEntry {
  /** Construct id, e.g. `Payment`. */
  readonly id: string;
  readonly agentType: string;
  /** Handler entry, relative to the repository root. */
  readonly entry: string;
  /**
   * Whether the function hosts an agent that others may `send` to: only those appear in
   * `AGENTBRIDGE_AGENT_FUNCTIONS`. The outbox publisher is a stream consumer, not an agent.
   */
  readonly hostsAgent: boolean;
  /** Subscriptions deployed as EventBridge rules targeting the function. */
  readonly subscriptions: readonly Subscription[];
  readonly tables: readonly TableAccess[];
  /** Agent types this function `send`s to (`lambda:InvokeFunction` on their functions). */
  readonly sendsTo: readonly string[];
  /** Whether it publishes onto the bus (`events:PutEvents`). */
  readonly publishes: boolean;
  readonly stateMachines: Partial<Readonly<Record<StateMachineKey, readonly StateMachineAccess[]>>>;
  /**
   * Whether the function consumes the event store's DynamoDB stream (the outbox publisher, the snapshot
   * writer): each gets its own stream event source (event inserts only), on-failure queue and iterator-age
   * alarm. DynamoDB Streams serve two concurrent readers per shard without throttling: these two are it.
   */
  readonly eventStoreStream?: boolean;
  /** Timeout in seconds, when the default (30 s) does not fit. */
  readonly timeoutSeconds?: number;
}

/** The env var through which a function learns a state machine's ARN. */
const STATE_MACHINE_ENV: Record<StateMachineKey, string> = {
  orderSaga: ENV.sagaStateMachineArn,
  orderLifecycle: ENV.lifecycleStateMachineArn,
};

/**
 * The spec `AgentBridge.addAgent` deploys a catalog entry from.
 *
 * @example
 * ```ts
 * bridge.addAgent(agentSpecOf(entry), { id: entry.id, entry: projectPath(entry.entry) });
 * ```
 */
export function agentSpecOf(entry: AgentCatalogEntry): AgentSpec {
  const keys = Object.keys(STATE_MACHINES).filter((key): key is StateMachineKey => key in STATE_MACHINES);
  return {
    agentType: entry.agentType,
    hostsAgent: entry.hostsAgent,
    subscriptions: entry.subscriptions,
    tables: entry.tables,
    sendsTo: entry.sendsTo,
    publishes: entry.publishes,
    stateMachines: keys.flatMap((key) => {
      const access = entry.stateMachines[key];
      return access === undefined
        ? []
        : [{ machine: STATE_MACHINES[key].name, access, arnEnvVar: STATE_MACHINE_ENV[key] }];
    }),
  };
}
