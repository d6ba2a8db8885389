import { Duration } from 'aws-cdk-lib';
import type { TableDefinition } from '../../lambdas/contracts/table-definition.js';
import {
  EVENT_STORE_STREAM_FILTER_PATTERN,
  EVENT_STORE_TABLE,
} from '../../lambdas/contracts/tables/event-store-table.js';
import type { AgentSpec } from '../../lambdas/runtime/agent-spec.js';
import type { AgentBridge } from './agent-bridge.js';
import type { AgentFunctionOptions } from './agent-bridge-props.js';
import type { AgentTable } from './agent-table.js';
import { DeadLetterQueue } from './dead-letter-queue.js';
import type { DeployedAgent } from './deployed-agent.js';
import { OUTBOX_PUBLISHER_SPEC, SNAPSHOT_WRITER_SPEC } from './event-store-functions.js';
import { TableStreamConsumer } from './table-stream-consumer.js';

/** One stream consumer of the event store: its handler and how its function differs from the defaults. */
export interface EventStoreConsumerOptions {
  /** Absolute path of the handler entry file. */
  readonly entry: string;
  readonly functionProps?: AgentFunctionOptions;
}

export interface EventStoreOptions {
  /** The event store's table; {@link EVENT_STORE_TABLE} by default. Declared unless already added. */
  readonly table?: TableDefinition;
  /** The transactional outbox's publisher: forwards new events to the bus in version order per stream. */
  readonly outbox?: EventStoreConsumerOptions;
  /** The snapshot writer: snapshots streams at the interval its handler's policy sets. */
  readonly snapshots?: EventStoreConsumerOptions;
}

export interface EventStoreDeployment {
  readonly table: AgentTable;
  readonly outboxPublisher: DeployedAgent | undefined;
  readonly snapshotWriter: DeployedAgent | undefined;
}

/**
 * Stream consumers answer with batch item failures (sequence numbers) and fail naming streams and versions:
 * both may be traced. A batch of up to 100 records takes up to a minute (10 events per PutEvents call, or one
 * snapshot interval of events folded per boundary record).
 */
const CONSUMER_DEFAULTS: AgentFunctionOptions = {
  timeout: Duration.seconds(60),
  traceCapture: { response: true, error: true },
};

/**
 * The event store for `AgentBridge.addEventStore`: its table, and each consumer with its own stream event
 * source (event inserts only), on-failure queue and iterator-age alarm. DynamoDB Streams serve two
 * concurrent readers per shard without throttling: these two are it.
 *
 * @example
 * ```ts
 * bridge.addEventStore({ outbox: { entry: outboxEntry } });
 * ```
 */
export function addEventStore(bridge: AgentBridge, options: EventStoreOptions): EventStoreDeployment {
  const definition = options.table ?? EVENT_STORE_TABLE;
  const table = bridge.tables.get(definition.id) ?? bridge.addTable(definition);
  const consumer = (spec: AgentSpec, id: string, consumer: EventStoreConsumerOptions): DeployedAgent => {
    const agent = bridge.addAgent(spec, {
      id,
      entry: consumer.entry,
      consumesStream: true,
      functionProps: { ...CONSUMER_DEFAULTS, ...consumer.functionProps },
    });
    const streamDlq = new DeadLetterQueue(agent, 'StreamDeadLetterQueue');
    new TableStreamConsumer(agent, 'EventStoreStream', {
      table: table.table,
      consumer: agent.agentFunction.function,
      deadLetterQueue: streamDlq,
      filterPattern: EVENT_STORE_STREAM_FILTER_PATTERN,
    });
    bridge.monitoring.watchQueue(`${id}StreamDlq`, streamDlq);
    bridge.monitoring.watchStreamConsumer(`${id}Stream`, agent.agentFunction.function);
    return agent;
  };
  return {
    table,
    outboxPublisher: options.outbox && consumer(OUTBOX_PUBLISHER_SPEC, 'OutboxPublisher', options.outbox),
    snapshotWriter: options.snapshots && consumer(SNAPSHOT_WRITER_SPEC, 'SnapshotWriter', options.snapshots),
  };
}
