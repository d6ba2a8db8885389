import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import { ORDER_PRODUCER_SOURCES } from '../lambdas/contracts/order/order-producers.js';
import type { ProducerDirectory } from '../lambdas/contracts/senders.js';
import {
  PARKED_SAGA_QUEUE,
  STATE_MACHINES,
  type StateMachineKey,
} from '../lambdas/contracts/state-machines.js';
import { ALL_TABLES } from '../lambdas/contracts/tables/all-tables.js';
import { AGENT_CATALOG } from './agent-catalog.js';
import { AgentBridge } from './constructs/agent-bridge.js';
import type { AgentMonitoring } from './constructs/agent-monitoring.js';
import type { AgentStateMachine } from './constructs/agent-state-machine.js';
import type { AgentTable } from './constructs/agent-table.js';
import { DeadLetterQueue } from './constructs/dead-letter-queue.js';
import type { DeployedAgent } from './constructs/deployed-agent.js';
import { PRODUCER_ACCOUNTS_CONTEXT, parseProducerAccounts } from './constructs/producer-bus-policy.js';
import { PRODUCERS_CONTEXT } from './constructs/producer-directory-context.js';
import { projectPath } from './constructs/project-paths.js';
import { SagaRedriveOperator } from './constructs/saga-redrive-operator.js';
import { traceCaptureFor } from './trace-capture.js';

/** Context keys the stack reads besides `producers` and `producerAccounts`. */
export const ALARM_TOPIC_CONTEXT = 'alarmTopicArn';

/**
 * The order system on AWS: an {@link AgentBridge} holding every table of `lambdas/contracts/tables`, one
 * function per catalog entry, the event store with its outbox publisher and snapshot writer, the order saga
 * and lifecycle state machines, the parked-saga queue with its redrive operator, and outputs for the bus and
 * the tables. Context: `producers` (per external detail-type, its producer's source and accounts),
 * `producerAccounts` (accounts for every producer that names none), `alarmTopicArn` (an SNS topic the alarms
 * notify).
 *
 * @example
 * ```ts
 * new AgentbridgeStack(new App(), 'AgentBridge');
 * ```
 */
export class AgentbridgeStack extends Stack {
  readonly bridge: AgentBridge;
  readonly eventBus: IEventBus;
  readonly tables: ReadonlyMap<string, AgentTable>;
  /** Deployed agents by agent type. */
  readonly agents: ReadonlyMap<string, DeployedAgent>;
  readonly stateMachines = new Map<StateMachineKey, AgentStateMachine>();
  /** Sagas whose compensation or publication kept failing wait here (alarmed) for `npm run saga:redrive`. */
  readonly parkedSagaQueue: DeadLetterQueue;
  /** The least-privilege policy and role of operators who run `npm run saga:redrive`. */
  readonly sagaRedriveOperator: SagaRedriveOperator;
  readonly monitoring: AgentMonitoring;
  /** Who may send each external input in this deployment (defaults, `producers`, `producerAccounts`). */
  readonly producers: ProducerDirectory;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);
    const alarmTopicArn: unknown = this.node.tryGetContext(ALARM_TOPIC_CONTEXT);
    // `Default`: the bridge adds no path segment to logical ids, so resources keep the ids they had when the
    // stack declared them itself (a rename would replace tables holding events and state).
    this.bridge = new AgentBridge(this, 'Default', {
      producerSources: ORDER_PRODUCER_SOURCES,
      producers: this.node.tryGetContext(PRODUCERS_CONTEXT),
      producerAccounts: parseProducerAccounts(this.node.tryGetContext(PRODUCER_ACCOUNTS_CONTEXT)),
      ...(typeof alarmTopicArn === 'string' && alarmTopicArn !== '' ? { alarmTopicArn } : {}),
    });
    const { bridge } = this;
    this.eventBus = bridge.eventBus;
    this.tables = bridge.tables;
    this.agents = bridge.agents;
    this.monitoring = bridge.monitoring;
    this.producers = bridge.producers;

    for (const definition of ALL_TABLES) bridge.addTable(definition);
    const consumers: Record<string, { entry: string }> = {};
    for (const entry of AGENT_CATALOG) {
      if (entry.eventStoreStream) {
        consumers[entry.id] = { entry: projectPath(entry.entry) };
        continue;
      }
      bridge.addAgent(entry.declaration, {
        id: entry.id,
        entry: projectPath(entry.entry),
        functionProps: {
          traceCapture: traceCaptureFor(entry.declaration.agentType),
          ...(entry.timeoutSeconds ? { timeout: Duration.seconds(entry.timeoutSeconds) } : {}),
        },
      });
    }
    bridge.addEventStore({
      ...(consumers.OutboxPublisher ? { outbox: consumers.OutboxPublisher } : {}),
      ...(consumers.SnapshotWriter ? { snapshots: consumers.SnapshotWriter } : {}),
    });

    // The saga's dead letters: a parked saga is inspected and redriven like any dead-letter message.
    this.parkedSagaQueue = new DeadLetterQueue(this, 'ParkedSagaDeadLetterQueue');
    bridge.monitoring.watchQueue('ParkedSagas', this.parkedSagaQueue);
    for (const [key, contract] of Object.entries(STATE_MACHINES) as [
      StateMachineKey,
      typeof STATE_MACHINES.orderSaga,
    ][]) {
      const machine = bridge.addStateMachine(contract.name, {
        ...contract,
        definitionFile: projectPath(contract.definitionFile),
        queues: { [PARKED_SAGA_QUEUE]: this.parkedSagaQueue },
      });
      this.stateMachines.set(key, machine);
    }
    const saga = bridge.stateMachines.get(STATE_MACHINES.orderSaga.name);
    this.sagaRedriveOperator = new SagaRedriveOperator(this, 'SagaRedriveOperator', {
      parkedSagaQueue: this.parkedSagaQueue,
      sagaStateMachine: (saga as AgentStateMachine).stateMachine,
    });
    this.#outputs();
  }

  /** The deployed table declared by a contract's `id`. */
  table(tableId: string, referrer: string): AgentTable {
    return this.bridge.table(tableId, referrer);
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
    new CfnOutput(this, 'SagaRedriveOperatorRoleArn', {
      value: this.sagaRedriveOperator.role.roleArn,
      description: 'Assume to run npm run saga:redrive (or attach SagaRedriveOperatorPolicyArn)',
    });
    new CfnOutput(this, 'SagaRedriveOperatorPolicyArn', {
      value: this.sagaRedriveOperator.policy.managedPolicyArn,
    });
    new CfnOutput(this, 'DashboardName', { value: this.monitoring.dashboard.dashboardName });
  }
}
