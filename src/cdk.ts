/**
 * agentbridge/cdk: the constructs an agent system is deployed with.
 *
 * `AgentBridge` is the whole system as one construct: `addTable`, `addAgent(declaration, { entry })`,
 * `addEventStore`, `addStateMachine`, `addMetricsCollector` (a metrics declaration's scheduled collector,
 * its alert rules as CloudWatch alarms, its metrics on the dashboard), `grant*`. Underneath, an agent type is a function (`AgentFunction`:
 * Node.js 22 on arm64, an ESM bundle, its own role, log group and dead-letter queue) plus one rule per
 * subscription (`AgentSubscription`: the compiled event pattern, a retry policy and a delivery dead-letter
 * queue); `DeployedAgent` is both, with alarms from `AgentMonitoring`. An agent that takes its events in batches
 * (`addAgent(spec, { entry, queue })`) gets an `AgentQueue` its rules deliver to: encrypted, TLS-only, with a
 * redriving dead-letter queue, feeding the function by batch size and window with partial batch responses. Tables come from their definitions in
 * `agentbridge/stores` (`AgentTable`), state machines from ASL files with substitutions (`AgentStateMachine`).
 * `UnroutedEvents` (`unroutedEvents: true`) queues whatever event on the bus no rule matches, for `agentbridge dlq`.
 *
 * @example
 * ```ts
 * import { fileURLToPath } from 'node:url';
 * import { App, Stack } from 'aws-cdk-lib';
 * import { AgentBridge } from 'agentbridge/cdk';
 * import { AGENT_STATE_TABLE, IDEMPOTENCY_TABLE } from 'agentbridge/stores';
 * import { TICKETS_TABLE, TRIAGE_AGENT } from './agents.js';
 *
 * const stack = new Stack(new App(), 'SupportTriage');
 * const bridge = new AgentBridge(stack, 'Support', {
 *   namePrefix: 'support',
 *   producerSources: { TicketOpened: 'support.desk' },
 * });
 * for (const table of [IDEMPOTENCY_TABLE, AGENT_STATE_TABLE, TICKETS_TABLE]) bridge.addTable(table);
 * bridge.addAgent(TRIAGE_AGENT, { entry: fileURLToPath(new URL('./handlers/triage.ts', import.meta.url)) });
 * ```
 *
 * @packageDocumentation
 */

export type {
  StateMachineContract,
  StateMachinePlaceholder,
  StateMachineType,
} from '../lambdas/contracts/state-machine-contract.js';
export type { AgentSpec, StateMachineAccess, StateMachineUse } from '../lambdas/runtime/agent-spec.js';
export type { EventPattern, SenderContext } from '../lambdas/runtime/subscription-event-pattern.js';
export {
  MissingSenderContextError,
  subscriptionEventPattern,
} from '../lambdas/runtime/subscription-event-pattern.js';
export { AgentBridge } from '../lib/constructs/agent-bridge.js';
export type {
  AddAgentOptions,
  AddStateMachineOptions,
  AgentBridgeProps,
  AgentFunctionOptions,
} from '../lib/constructs/agent-bridge-props.js';
export type { AgentFunctionProps, TableBinding } from '../lib/constructs/agent-function.js';
export { AGENT_BUNDLING, AGENT_RUNTIME, AgentFunction } from '../lib/constructs/agent-function.js';
export type { AgentMonitoringProps } from '../lib/constructs/agent-monitoring.js';
export { AgentMonitoring } from '../lib/constructs/agent-monitoring.js';
export type { AgentQueueOptions, AgentQueueProps } from '../lib/constructs/agent-queue.js';
export { AgentQueue } from '../lib/constructs/agent-queue.js';
export type { AgentStateMachineProps } from '../lib/constructs/agent-state-machine.js';
export { AgentStateMachine, aslPlaceholders } from '../lib/constructs/agent-state-machine.js';
export type { AgentSubscriptionProps } from '../lib/constructs/agent-subscription.js';
export { AgentSubscription } from '../lib/constructs/agent-subscription.js';
export type { AgentTableProps } from '../lib/constructs/agent-table.js';
export { AgentTable } from '../lib/constructs/agent-table.js';
export { DeadLetterQueue } from '../lib/constructs/dead-letter-queue.js';
export type { DeployedAgentProps } from '../lib/constructs/deployed-agent.js';
export { DeployedAgent } from '../lib/constructs/deployed-agent.js';
export type {
  EventStoreConsumerOptions,
  EventStoreDeployment,
  EventStoreOptions,
} from '../lib/constructs/event-store-deployment.js';
export {
  OUTBOX_FUNCTION_TYPE,
  OUTBOX_PUBLISHER_SPEC,
  SNAPSHOT_FUNCTION_TYPE,
  SNAPSHOT_WRITER_SPEC,
} from '../lib/constructs/event-store-functions.js';
export { CatalogReferenceError, InfraError } from '../lib/constructs/infra-error.js';
export type { MetricsCollectorDeployment } from '../lib/constructs/metrics-collector-deployment.js';
export type { ProducerBusPolicyProps } from '../lib/constructs/producer-bus-policy.js';
export {
  PRODUCER_ACCOUNTS_CONTEXT,
  ProducerBusPolicy,
  parseProducerAccounts,
} from '../lib/constructs/producer-bus-policy.js';
export type { ProducerDirectoryOptions } from '../lib/constructs/producer-directory-context.js';
export {
  PRODUCERS_CONTEXT,
  producerDirectoryFromContext,
} from '../lib/constructs/producer-directory-context.js';
export { putEventsStatement } from '../lib/constructs/put-events-statement.js';
export {
  functionArnFor,
  functionNameFor,
  stateMachineArnFor,
  stateMachineNameFor,
} from '../lib/constructs/resource-names.js';
export { tablePolicyStatement } from '../lib/constructs/table-policy-statement.js';
export type { TableStreamConsumerProps } from '../lib/constructs/table-stream-consumer.js';
export { TableStreamConsumer } from '../lib/constructs/table-stream-consumer.js';
export type { TraceCapture } from '../lib/constructs/trace-capture-environment.js';
export { NO_TRACE_CAPTURE } from '../lib/constructs/trace-capture-environment.js';
export type { UnroutedEventsProps } from '../lib/constructs/unrouted-events.js';
export { UnroutedEvents } from '../lib/constructs/unrouted-events.js';
