import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import { ENV } from '../lambdas/contracts/env-names.js';
import { ORDER_PRODUCER_SOURCES } from '../lambdas/contracts/order/order-producers.js';
import type { ProducerDirectory } from '../lambdas/contracts/senders.js';
import { STATE_MACHINES, type StateMachineKey } from '../lambdas/contracts/state-machines.js';
import { ALL_TABLES } from '../lambdas/contracts/tables/all-tables.js';
import {
  EVENT_STORE_STREAM_FILTER_PATTERN,
  EVENT_STORE_TABLE,
} from '../lambdas/contracts/tables/event-store-table.js';
import { AGENT_CATALOG } from './agent-catalog.js';
import type { AgentCatalogEntry } from './agent-catalog-entry.js';
import { catalogGrants } from './catalog-grants.js';
import { constructIdOf } from './construct-id.js';
import { AgentMonitoring } from './constructs/agent-monitoring.js';
import { AgentStateMachine } from './constructs/agent-state-machine.js';
import { AgentTable } from './constructs/agent-table.js';
import { DeadLetterQueue } from './constructs/dead-letter-queue.js';
import { DeployedAgent } from './constructs/deployed-agent.js';
import {
  PRODUCER_ACCOUNTS_CONTEXT,
  ProducerBusPolicy,
  parseProducerAccounts,
} from './constructs/producer-bus-policy.js';
import { PRODUCERS_CONTEXT, producerDirectoryFromContext } from './constructs/producer-directory-context.js';
import { SagaRedriveOperator } from './constructs/saga-redrive-operator.js';
import { TableStreamConsumer } from './constructs/table-stream-consumer.js';
import { CatalogReferenceError } from './infra-error.js';
import { projectPath } from './project-paths.js';
import { functionNameFor, stateMachineNameFor } from './resource-names.js';
import { stateMachineSubstitutions } from './state-machine-substitutions.js';
import { traceCaptureFor } from './trace-capture.js';

/** Physical names known at synth time (see `resource-names.ts`). */
interface PhysicalNames {
  /** Agent type → function name, for every function (task targets, grants). */
  readonly functionNames: Readonly<Record<string, string>>;
  /** The same for functions hosting an agent: `AGENTBRIDGE_AGENT_FUNCTIONS`, what `send` may address. */
  readonly agentFunctions: Readonly<Record<string, string>>;
  readonly machineNames: ReadonlyMap<StateMachineKey, string>;
}

/** Context keys the stack reads besides `producerAccounts`. */
export const ALARM_TOPIC_CONTEXT = 'alarmTopicArn';

/**
 * agentbridge on AWS: the custom event bus (with a policy for producer accounts), every table of
 * `lambdas/contracts/tables`, one function per catalog entry with its subscriptions as rules, the order saga
 * and lifecycle state machines, the event store's stream feeding the outbox publisher and the snapshot
 * writer, alarms and a dashboard, and outputs for the bus and the tables. Context: `producers` (per external
 * detail-type, its producer's source and accounts), `producerAccounts` (accounts for every producer that names
 * none), `alarmTopicArn` (an SNS topic the alarms notify).
 *
 * @example
 * ```ts
 * new AgentbridgeStack(new App(), 'AgentBridge');
 * ```
 */
export class AgentbridgeStack extends Stack {
  readonly eventBus: EventBus;
  readonly tables = new Map<string, AgentTable>();
  /** Deployed agents by agent type. */
  readonly agents = new Map<string, DeployedAgent>();
  readonly stateMachines = new Map<StateMachineKey, AgentStateMachine>();
  /** Sagas whose compensation or publication kept failing wait here (alarmed) for `npm run saga:redrive`. */
  readonly parkedSagaQueue: DeadLetterQueue;
  /** The least-privilege policy and role of operators who run `npm run saga:redrive`. */
  readonly sagaRedriveOperator: SagaRedriveOperator | undefined;
  readonly monitoring: AgentMonitoring;
  /** Who may send each external input in this deployment (defaults, `producers`, `producerAccounts`). */
  readonly producers: ProducerDirectory;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);
    const alarmTopicArn: unknown = this.node.tryGetContext(ALARM_TOPIC_CONTEXT);
    this.monitoring = new AgentMonitoring(this, 'Monitoring', {
      ...(typeof alarmTopicArn === 'string' && alarmTopicArn !== '' ? { alarmTopicArn } : {}),
    });

    this.eventBus = new EventBus(this, 'EventBus');
    this.producers = producerDirectoryFromContext({
      defaults: ORDER_PRODUCER_SOURCES,
      producers: this.node.tryGetContext(PRODUCERS_CONTEXT),
      producerAccounts: parseProducerAccounts(this.node.tryGetContext(PRODUCER_ACCOUNTS_CONTEXT)),
    });
    new ProducerBusPolicy(this, 'ProducerBusPolicy', { eventBus: this.eventBus, producers: this.producers });
    // `<id>Table`: table ids (Users, Payments) would otherwise clash with the agents' construct ids.
    for (const definition of ALL_TABLES) {
      this.tables.set(definition.id, new AgentTable(this, `${definition.id}Table`, { definition }));
    }

    const functionNames = Object.fromEntries(
      AGENT_CATALOG.map((entry) => [entry.agentType, functionNameFor(this, entry.agentType)]),
    );
    const agentFunctions = Object.fromEntries(
      AGENT_CATALOG.filter((entry) => entry.hostsAgent).map((entry) => [
        entry.agentType,
        functionNameFor(this, entry.agentType),
      ]),
    );
    const machineKeys = Object.keys(STATE_MACHINES).filter(
      (key): key is StateMachineKey => key in STATE_MACHINES,
    );
    const machineNames = new Map(
      machineKeys.map((key) => [key, stateMachineNameFor(this, STATE_MACHINES[key].name)]),
    );
    for (const entry of AGENT_CATALOG)
      this.#deployAgent(entry, { functionNames, agentFunctions, machineNames });
    // The saga's dead letters: a parked saga is inspected and redriven like any dead-letter message.
    this.parkedSagaQueue = new DeadLetterQueue(this, 'ParkedSagaDeadLetterQueue');
    this.monitoring.watchQueue('ParkedSagas', this.parkedSagaQueue);
    for (const [key, name] of machineNames) {
      const contract = STATE_MACHINES[key];
      const id = constructIdOf(contract.name);
      const { values, policyStatements } = stateMachineSubstitutions(this, contract, {
        functionNames,
        machineNames,
        eventBus: this.eventBus,
        parkedSagaQueue: this.parkedSagaQueue,
      });
      const machine = new AgentStateMachine(this, id, {
        definitionFile: projectPath(contract.definitionFile),
        stateMachineName: name,
        type: contract.type,
        definitionSubstitutions: values,
        policyStatements,
      });
      this.monitoring.watchStateMachine(id, machine.stateMachine);
      this.stateMachines.set(key, machine);
    }
    const saga = this.stateMachines.get('orderSaga');
    if (saga !== undefined) {
      this.sagaRedriveOperator = new SagaRedriveOperator(this, 'SagaRedriveOperator', {
        parkedSagaQueue: this.parkedSagaQueue,
        sagaStateMachine: saga.stateMachine,
      });
    }
    this.monitoring.addSummary();
    this.#outputs();
  }

  /** The deployed table declared by a contract's `id`. */
  table(tableId: string, referrer: string): AgentTable {
    const table = this.tables.get(tableId);
    if (table === undefined) throw new CatalogReferenceError(referrer, `table ${tableId}`);
    return table;
  }

  #deployAgent(entry: AgentCatalogEntry, names: PhysicalNames): void {
    const { functionNames, agentFunctions, machineNames } = names;
    const grants = catalogGrants(this, entry, functionNames, machineNames);
    const agent = new DeployedAgent(this, entry.id, {
      entry: projectPath(entry.entry),
      agentType: entry.agentType,
      functionName: functionNames[entry.agentType] ?? functionNameFor(this, entry.agentType),
      eventBus: this.eventBus,
      agentFunctions,
      subscriptions: entry.subscriptions,
      senderContext: { account: this.account, producers: this.producers },
      tables: entry.tables.map((access) => ({ table: this.table(access.table.id, entry.id).table, access })),
      policyStatements: grants.policyStatements,
      publishes: entry.publishes,
      // The adapter checks each event's source and account against the same producers the rules carry.
      environment:
        entry.subscriptions.length > 0
          ? { ...grants.environment, [ENV.producers]: JSON.stringify(this.producers) }
          : grants.environment,
      monitoring: this.monitoring,
      traceCapture: traceCaptureFor(entry.agentType),
      ...(entry.timeoutSeconds ? { timeout: Duration.seconds(entry.timeoutSeconds) } : {}),
      ...(grants.wildcardResourceReason ? { wildcardResourceReason: grants.wildcardResourceReason } : {}),
    });
    this.agents.set(entry.agentType, agent);
    if (entry.eventStoreStream) {
      const streamDlq = new DeadLetterQueue(agent, 'StreamDeadLetterQueue');
      new TableStreamConsumer(agent, 'EventStoreStream', {
        table: this.table(EVENT_STORE_TABLE.id, entry.id).table,
        consumer: agent.agentFunction.function,
        deadLetterQueue: streamDlq,
        filterPattern: EVENT_STORE_STREAM_FILTER_PATTERN,
      });
      this.monitoring.watchQueue(`${entry.id}StreamDlq`, streamDlq);
      this.monitoring.watchStreamConsumer(`${entry.id}Stream`, agent.agentFunction.function);
    }
  }

  #outputs(): void {
    new CfnOutput(this, 'EventBusName', {
      value: this.eventBus.eventBusName,
      description: 'Put events here',
    });
    new CfnOutput(this, 'EventBusArn', { value: this.eventBus.eventBusArn });
    for (const [id, table] of this.tables) {
      new CfnOutput(this, `${id}TableName`, { value: table.table.tableName });
    }
    for (const [key, machine] of this.stateMachines) {
      new CfnOutput(this, `${key.charAt(0).toUpperCase()}${key.slice(1)}StateMachineArn`, {
        value: machine.stateMachine.stateMachineArn,
      });
    }
    new CfnOutput(this, 'ParkedSagaQueueUrl', {
      value: this.parkedSagaQueue.queueUrl,
      description: 'Parked sagas: npm run saga:redrive -- --queue-url <this>',
    });
    if (this.sagaRedriveOperator !== undefined) {
      new CfnOutput(this, 'SagaRedriveOperatorRoleArn', {
        value: this.sagaRedriveOperator.role.roleArn,
        description: 'Assume to run npm run saga:redrive (or attach SagaRedriveOperatorPolicyArn)',
      });
      new CfnOutput(this, 'SagaRedriveOperatorPolicyArn', {
        value: this.sagaRedriveOperator.policy.managedPolicyArn,
      });
    }
    new CfnOutput(this, 'DashboardName', { value: this.monitoring.dashboard.dashboardName });
  }
}
