import type { SenderRules } from '../contracts/senders.js';
import type { TableAccess } from '../contracts/table-access.js';
import type { Subscription } from './subscription.js';

/**
 * What a function may do with a state machine:
 * - `start`: `states:StartExecution` on the machine;
 * - `describe`: `states:DescribeExecution` on its executions;
 * - `taskResponse`: `states:SendTaskSuccess/Failure/Heartbeat`, which IAM only grants on `*` (the task token
 *   is the authorisation), so this one is the single wildcard an agent role may carry.
 */
export type StateMachineAccess = 'start' | 'describe' | 'taskResponse';

/** One state machine an agent uses: which (by the name it was added under), how, and where its ARN goes. */
export interface StateMachineUse {
  /** The name the machine is deployed under (`AgentBridge.addStateMachine(name, …)`). */
  readonly machine: string;
  readonly access: readonly StateMachineAccess[];
  /** The environment variable through which the function learns the machine's ARN. */
  readonly arnEnvVar: string;
}

/**
 * Everything one agent type needs from its deployment: the rules it is subscribed through and exactly what
 * it may touch. The `AgentBridge` construct deploys a function from it, and the infra tests check every role
 * against it, so a spec is the agent's least-privilege contract.
 *
 * @example
 * ```ts
 * const triage: AgentSpec = {
 *   agentType: 'triage',
 *   subscriptions: [new TypeSubscription('TicketOpened', 'triage')],
 *   tables: agentFunctionTables('triage'),
 *   sendsTo: ['assignment'],
 * };
 * ```
 */
export interface AgentSpec {
  readonly agentType: string;
  /**
   * Whether others may `send` to it (default true): only such agents appear in `AGENTBRIDGE_AGENT_FUNCTIONS`.
   * A stream consumer such as the outbox publisher hosts no agent.
   */
  readonly hostsAgent?: boolean;
  /** Subscriptions deployed as EventBridge rules targeting the function. */
  readonly subscriptions?: readonly Subscription[];
  readonly tables?: readonly TableAccess[];
  /** Agent types it `send`s to (`lambda:InvokeFunction` on their functions). */
  readonly sendsTo?: readonly string[];
  /** Whether it publishes onto the bus (`events:PutEvents` under its own source). Default false. */
  readonly publishes?: boolean;
  readonly stateMachines?: readonly StateMachineUse[];
  /**
   * Hosts the type without its direct-message subscription `"<type>:"` (see `RegisterOptions`), in process
   * and on AWS, where that subscription is one more rule: for an agent reached only by `send`, tasks and its
   * declared subscriptions.
   */
  readonly skipDirectMessageSubscription?: boolean;
  /**
   * Who may publish to the agent's direct-message topics `"<type>:…"` (message type → sender), compiled into
   * that rule and checked by the Lambda adapter as for any subscription. Default: the sender rules its
   * subscriptions declare; when they declare none, any sender on the bus, as for a subscription without senders.
   */
  readonly directMessageSenders?: SenderRules;
}
