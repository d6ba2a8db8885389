import { Aspects } from 'aws-cdk-lib';
import { EventBus, type IEventBus } from 'aws-cdk-lib/aws-events';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ENV } from '../../lambdas/contracts/env-names.js';
import type { ProducerDirectory } from '../../lambdas/contracts/senders.js';
import type { TableAccess } from '../../lambdas/contracts/table-access.js';
import type { TableDefinition } from '../../lambdas/contracts/table-definition.js';
import type { MetricsDeclaration } from '../../lambdas/patterns/metrics/metrics-declaration.js';
import type { AgentSpec } from '../../lambdas/runtime/agent-spec.js';
import { agentSubscriptions } from '../../lambdas/runtime/direct-message-subscription.js';
import type { AddAgentOptions, AddStateMachineOptions, AgentBridgeProps } from './agent-bridge-props.js';
import { agentGrants } from './agent-grants.js';
import { AgentMonitoring } from './agent-monitoring.js';
import { AgentStateMachine } from './agent-state-machine.js';
import { AgentTable } from './agent-table.js';
import { constructIdOf } from './construct-id.js';
import { DeployedAgent } from './deployed-agent.js';
import {
  addEventStore,
  type EventStoreDeployment,
  type EventStoreOptions,
} from './event-store-deployment.js';
import { CatalogReferenceError, InfraError } from './infra-error.js';
import { addMetricsCollector, type MetricsCollectorDeployment } from './metrics-collector-deployment.js';
import { ProducerBusPolicy } from './producer-bus-policy.js';
import { producerDirectoryFromContext } from './producer-directory-context.js';
import { putEventsStatement } from './put-events-statement.js';
import { defaultNamePrefix, functionArnFor, functionNameFor, stateMachineNameFor } from './resource-names.js';
import { stateMachineAccessStatements } from './state-machine-access-statements.js';
import { stateMachineSubstitutions } from './state-machine-substitutions.js';
import { tablePolicyStatement } from './table-policy-statement.js';
import { UnroutedEvents } from './unrouted-events.js';

/**
 * agentbridge on AWS, as one construct: the bus (with a policy admitting producer accounts for their
 * detail-types), tables, one function per agent with each subscription as a rule (sender-checked pattern,
 * retry policy, SQS dead-letter queue), state machines whose substitutions and grants come from the agents
 * they call, the event store's stream consumers, alarms and a dashboard, and on request (`unroutedEvents`) a
 * queue of the events no rule matches. Every returned object exposes its CDK resources.
 *
 * @example
 * ```ts
 * const bridge = new AgentBridge(stack, 'Tickets', { namePrefix: 'tickets' });
 * bridge.addTable(TICKETS_TABLE);
 * bridge.addAgent(TRIAGE_AGENT, { entry: fileURLToPath(new URL('./handlers/triage.ts', import.meta.url)) });
 * ```
 */
export class AgentBridge extends Construct {
  readonly eventBus: IEventBus;
  readonly namePrefix: string;
  readonly monitoring: AgentMonitoring;
  /** Who may send each external input (producer sources, `producers`, `producerAccounts`). */
  readonly producers: ProducerDirectory;
  /** Present when the bridge owns the bus. */
  readonly producerBusPolicy: ProducerBusPolicy | undefined;
  /** Tables by their definition's `id`. */
  readonly tables = new Map<string, AgentTable>();
  /** Deployed agents by agent type. */
  readonly agents = new Map<string, DeployedAgent>();
  /** State machines by the name they were added under. */
  readonly stateMachines = new Map<string, AgentStateMachine>();
  /** The unrouted-events rule, router and queue, when `unroutedEvents` is set. */
  readonly unroutedEvents: UnroutedEvents | undefined;
  /** Agent type → function name of every agent others may `send` to (`AGENTBRIDGE_AGENT_FUNCTIONS`). */
  readonly #agentFunctions: Record<string, string> = {};
  readonly #specs: AgentSpec[] = [];

  constructor(scope: Construct, id: string, props: AgentBridgeProps = {}) {
    super(scope, id);
    this.namePrefix = props.namePrefix ?? defaultNamePrefix(this);
    this.monitoring = new AgentMonitoring(this, 'Monitoring', {
      ...(props.alarmTopicArn ? { alarmTopicArn: props.alarmTopicArn } : {}),
    });
    if (props.existingEventBusInterface !== undefined && props.eventBusProps !== undefined) {
      throw new InfraError('CONFLICTING_PROPS', 'Give existingEventBusInterface or eventBusProps, not both');
    }
    const existing = props.existingEventBusInterface;
    const ownBus = existing === undefined ? new EventBus(this, 'EventBus', props.eventBusProps) : undefined;
    this.eventBus = existing ?? (ownBus as EventBus);
    this.producers = producerDirectoryFromContext({
      defaults: props.producerSources ?? {},
      producers: props.producers,
      producerAccounts: props.producerAccounts ?? [],
    });
    this.producerBusPolicy =
      ownBus === undefined
        ? undefined
        : new ProducerBusPolicy(this, 'ProducerBusPolicy', { eventBus: ownBus, producers: this.producers });
    this.unroutedEvents = props.unroutedEvents
      ? new UnroutedEvents(this, 'UnroutedEvents', {
          eventBus: this.eventBus,
          functionName: this.functionNameOf('unrouted-events'),
          monitoring: this.monitoring,
        })
      : undefined;
    // The summary row lists every alarm, so it is drawn once everything has been added.
    Aspects.of(this).add({ visit: (node) => (node === this ? this.monitoring.addSummary() : undefined) });
    this.node.addValidation({ validate: () => this.#unresolvedReferences() });
  }

  /** Declares a table from its definition (`<id>Table`, so table ids never clash with agents' ids). */
  addTable(definition: TableDefinition): AgentTable {
    const table = new AgentTable(this, `${definition.id}Table`, { definition });
    this.tables.set(definition.id, table);
    return table;
  }

  /** The table declared by a definition's `id`. */
  table(tableId: string, referrer = this.node.id): AgentTable {
    const table = this.tables.get(tableId);
    if (table === undefined) throw new CatalogReferenceError(referrer, `table ${tableId}`);
    return table;
  }

  /**
   * Deploys one agent type from its spec: function, rules, delivery dead-letter queue, grants and alarms; with
   * `queue`, the rules deliver to a queue that feeds the function in batches (`AgentQueue`).
   */
  addAgent(spec: AgentSpec, options: AddAgentOptions): DeployedAgent {
    const id = options.id ?? constructIdOf(spec.agentType);
    const functionName = this.functionNameOf(spec.agentType);
    if (spec.hostsAgent ?? true) this.#agentFunctions[spec.agentType] = functionName;
    const names = {
      functionName: this.functionNameOf.bind(this),
      machineName: this.stateMachineNameOf.bind(this),
    };
    const grants = agentGrants(this, spec, names, options.consumesStream ?? false);
    // The direct-message prefix "<type>:" is a rule too, unless the spec skips it: publishing to
    // "<type>:<x>" reaches the agent on AWS as it does in process.
    const subscriptions = agentSubscriptions(spec);
    const fn = options.functionProps ?? {};
    const agent = new DeployedAgent(this, id, {
      entry: options.entry,
      agentType: spec.agentType,
      functionName,
      eventBus: this.eventBus,
      agentFunctions: this.#agentFunctions,
      subscriptions,
      senderContext: { account: this.#account(), producers: this.producers },
      tables: (spec.tables ?? []).map((access) => ({ table: this.table(access.table.id, id).table, access })),
      policyStatements: grants.policyStatements,
      publishes: spec.publishes ?? false,
      // The adapter checks each event's source and account against the same producers the rules carry.
      environment: {
        ...grants.environment,
        ...(subscriptions.length > 0 ? { [ENV.producers]: JSON.stringify(this.producers) } : {}),
        ...fn.environment,
      },
      monitoring: this.monitoring,
      ...(fn.traceCapture ? { traceCapture: fn.traceCapture } : {}),
      ...(fn.timeout ? { timeout: fn.timeout } : {}),
      ...(fn.memorySize ? { memorySize: fn.memorySize } : {}),
      ...(fn.sendTimeout ? { sendTimeout: fn.sendTimeout } : {}),
      ...(grants.wildcardResourceReason ? { wildcardResourceReason: grants.wildcardResourceReason } : {}),
      ...(options.queue ? { queue: options.queue } : {}),
    });
    this.agents.set(spec.agentType, agent);
    this.#specs.push(spec);
    return agent;
  }

  /** The event store table and, when asked, its stream consumers: the outbox publisher and the snapshot writer. */
  addEventStore(options: EventStoreOptions = {}): EventStoreDeployment {
    return addEventStore(this, options);
  }

  /**
   * A metrics declaration's collector (an agent whose type is the declaration's `collector`), invoked on a
   * schedule at the declaration's rate, with one CloudWatch alarm per alert rule and a dashboard graph per
   * metric.
   */
  addMetricsCollector(
    declaration: MetricsDeclaration,
    collector: AgentSpec,
    options: AddAgentOptions,
  ): MetricsCollectorDeployment {
    return addMetricsCollector(this, declaration, collector, options);
  }

  /**
   * A state machine deployed as `<prefix>-<name>`, its `${Placeholder}`s resolved (and granted) from the agents,
   * machines, bus and queues they name. Agents it invokes must have been added.
   */
  addStateMachine(name: string, options: AddStateMachineOptions): AgentStateMachine {
    const contract = { ...options, name };
    const { values, policyStatements } = stateMachineSubstitutions(this, contract, {
      functionName: (agentType) => (this.agents.has(agentType) ? this.functionNameOf(agentType) : undefined),
      machineName: (machine) => this.stateMachineNameOf(machine),
      eventBus: this.eventBus,
      queues: options.queues ?? {},
    });
    const id = constructIdOf(name);
    const machine = new AgentStateMachine(this, id, {
      definitionFile: options.definitionFile,
      stateMachineName: this.stateMachineNameOf(name),
      type: options.type,
      definitionSubstitutions: values,
      policyStatements,
    });
    this.monitoring.watchStateMachine(id, machine.stateMachine);
    this.stateMachines.set(name, machine);
    return machine;
  }

  /** The physical function name of an agent type (known before the agent is added). */
  functionNameOf(agentType: string): string {
    return functionNameFor(this.namePrefix, agentType);
  }

  /** The physical name of a state machine added (or to be added) under `name`. */
  stateMachineNameOf(name: string): string {
    return stateMachineNameFor(this.namePrefix, name);
  }

  /** Lets `grantee` put events on the bus under these sources only. */
  grantPublish(grantee: IGrantable, sources: readonly string[]): void {
    grantee.grantPrincipal.addToPrincipalPolicy(putEventsStatement(this.eventBus, sources));
  }

  /** Lets `grantee` `send` to (invoke the function of) an agent type. */
  grantSend(grantee: IGrantable, agentType: string): void {
    const arn = functionArnFor(this, this.functionNameOf(agentType));
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [arn] }),
    );
  }

  /** Lets `grantee` start executions of a state machine added under `name`. */
  grantStartExecution(grantee: IGrantable, name: string): void {
    for (const statement of stateMachineAccessStatements(this, this.stateMachineNameOf(name), ['start'])) {
      grantee.grantPrincipal.addToPrincipalPolicy(statement);
    }
  }

  /** Lets `grantee` issue exactly `access.actions` on a declared table (with its key and attribute limits). */
  grantTable(grantee: IGrantable, access: TableAccess): void {
    const table = this.table(access.table.id).table;
    grantee.grantPrincipal.addToPrincipalPolicy(tablePolicyStatement({ table, access }));
  }

  #account(): string {
    return this.eventBus.env.account;
  }

  #unresolvedReferences(): string[] {
    const errors: string[] = [];
    for (const spec of this.#specs) {
      for (const target of spec.sendsTo ?? []) {
        if (!(target in this.#agentFunctions))
          errors.push(`${spec.agentType} sends to unknown agent ${target}`);
      }
      for (const use of spec.stateMachines ?? []) {
        if (!this.stateMachines.has(use.machine)) {
          errors.push(`${spec.agentType} uses unknown state machine ${use.machine}`);
        }
      }
    }
    return errors;
  }
}
