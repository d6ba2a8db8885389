import type { JSONValue } from '@aws-lambda-powertools/commons/types';
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENVELOPE_SCHEMA_VERSION } from '../../lambdas/contracts/envelope.js';
import { ALL_TABLES } from '../../lambdas/contracts/tables/all-tables.js';
import { IDEMPOTENCY_TABLE } from '../../lambdas/contracts/tables/idempotency-table.js';
import { DEMO_PRODUCTS, DEMO_USERS } from '../demo/demo-catalogue.js';
import { DEMO_ORDERS } from '../demo/demo-orders.js';
import { driveOrder } from '../demo/drive-order.js';
import type { OrderSystemTarget } from '../demo/order-system-target.js';
import { createTables } from '../dynamodb/create-tables.js';
import { startDynamoDbLocal } from '../dynamodb/dynamodb-local-process.js';
import { localDynamoDbClient } from '../dynamodb/local-dynamodb-client.js';
import type { LocalOrderSystem } from '../order-system/local-order-system.js';
import { startLocalOrderSystem } from '../order-system/start-local-order-system.js';
import type { ExecutionHistoryEvent } from '../stepfunctions/local-execution.js';
import { CapacityMeter, type CapacityRecord, type WrittenItem } from './capacity-meter.js';
import { dynamoDbShadowStores } from './dynamodb-shadow-stores.js';
import { type Invocation, InvocationMeter } from './invocation-meter.js';
import type { TeeMismatch } from './tee-store.js';

/** One execution of a state machine in the run, by machine name (`agentbridge-order-saga`, ...). */
export interface MeasuredExecution {
  readonly machine: string;
  readonly history: readonly ExecutionHistoryEvent[];
}

/** One entry put on the bus in the run: its detail-type, its publisher and its size as EventBridge counts it. */
export interface MeasuredBusEvent {
  readonly type: string;
  readonly sender: string | undefined;
  readonly bytes: number;
}

/** Everything the scripted run measured, over its delivered orders only (set-up excluded). */
export interface OrderRunMeasurement {
  readonly orders: number;
  readonly invocations: readonly Invocation[];
  readonly executions: readonly MeasuredExecution[];
  readonly busEvents: readonly MeasuredBusEvent[];
  readonly capacity: readonly CapacityRecord[];
  /** Items put by the run (the event store's INSERT images feed the stream consumers). */
  readonly written: readonly WrittenItem[];
  /** Store calls the DynamoDB adapter answered differently from the in-memory store (should be none). */
  readonly mismatches: readonly TeeMismatch[];
}

export interface ScriptedRunOptions {
  /** Whether an agent type's function writes Powertools idempotency records (its template environment says). */
  readonly writesIdempotency: (agentType: string) => boolean;
}

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** A PutEvents entry's size as EventBridge bills it: source, detail-type, detail (the envelope), time. */
const entryBytes = (local: LocalOrderSystem['events'][number]): number => {
  const detail = {
    metadata: {
      id: local.messageId,
      type: local.type,
      topicType: local.topic.type,
      topicSource: local.topic.source,
      sender: local.sender,
      correlationId: local.correlationId,
      causationId: local.causationId,
      time: local.at.toISOString(),
      schemaVersion: ENVELOPE_SCHEMA_VERSION,
    },
    data: local.data,
  };
  const source =
    local.sender === undefined ? 'external.producer' : `agentbridge.${local.sender.split('/')[0]}`;
  return utf8Bytes(source) + utf8Bytes(local.type) + utf8Bytes(JSON.stringify(detail)) + 14;
};

/** The demo's driver against a running local order system. */
const targetOf = (local: LocalOrderSystem): OrderSystemTarget => ({
  name: 'cost',
  addUser: (user) => local.createUser(user),
  restock: (sku, quantity) => local.restock(sku, quantity),
  placeOrder: async (order) => {
    await local.placeOrder(order);
  },
  waitForSaga: (orderId) => local.waitForSaga(orderId),
  waitForLifecycle: (orderId) => local.waitForLifecycle(orderId),
  sendTrigger: (trigger, data) => local.sendTrigger(trigger, data),
  observe: async () => ({ bus: [], saga: [], lifecycle: [], notifications: [], domainEvents: [] }),
  close: () => local.close(),
});

/**
 * The scripted run the cost report counts: the order system of `npm start` in this process, every store
 * followed by its DynamoDB adapter on DynamoDB Local (see `dynamoDbShadowStores`), the demo's customers and
 * shelf set up, then the demo's delivered orders driven end to end, concurrently as `npm start` does. Counted from the
 * orders on: every agent function invocation, every state of both machines, every entry on the bus, the
 * capacity DynamoDB reported, and the Powertools idempotency records (written by the real persistence layer
 * to DynamoDB Local, for each invocation of a function that keeps them). Throws if an order is not delivered.
 *
 * @example
 * ```ts
 * const run = await scriptedOrderRun({ writesIdempotency: () => true });
 * ```
 */
export async function scriptedOrderRun(options: ScriptedRunOptions): Promise<OrderRunMeasurement> {
  // A busy machine can take far longer than the usual 4 s to start the jar.
  const dynamodb = await startDynamoDbLocal({ startTimeoutMs: 180_000 });
  try {
    const client = localDynamoDbClient(dynamodb.endpoint);
    await createTables(client, ALL_TABLES);
    const meter = new CapacityMeter(
      new Map(ALL_TABLES.map((table) => [table.localName, table.partitionKey.name])),
    );
    meter.attach(client);
    const documentClient = DynamoDBDocumentClient.from(client);
    const mismatches: TeeMismatch[] = [];
    const invocations = new InvocationMeter(meter);
    const quiet = { warn: () => undefined, error: () => undefined };
    const local = await startLocalOrderSystem({
      retryIntervalMs: 1,
      logger: quiet,
      decorateStore: dynamoDbShadowStores(documentClient, mismatches),
      decorateFunction: (fn) => invocations.wrap(fn),
    });
    try {
      const target = targetOf(local);
      for (const user of DEMO_USERS.filter((candidate) => candidate.deleted !== true))
        await target.addUser(user);
      for (const product of DEMO_PRODUCTS) await target.restock(product.sku, 100_000);
      await local.runtime.waitUntilIdle();
      meter.reset();
      invocations.reset();
      const firstEvent = local.events.length;
      const orders = DEMO_ORDERS.filter((order) => order.expected === 'delivered');
      const driven = await Promise.all(
        orders.map((order) => driveOrder(target, order, { deadlineMs: 120_000 })),
      );
      driven.forEach((result, i) => {
        if (result.outcome !== 'delivered') {
          throw new Error(`order ${orders[i]?.orderId} ended ${result.outcome}: ${result.problem ?? ''}`);
        }
      });
      await local.runtime.waitUntilIdle();
      await writeIdempotencyRecords(client, meter, invocations.invocations, options);
      const orderIds = new Set(orders.map((order) => order.orderId));
      const machines = new Map(
        Object.entries(local.stateMachineArns).map(([, arn]) => [arn, arn.split(':').pop() ?? arn]),
      );
      return {
        orders: orders.length,
        invocations: [...invocations.invocations],
        executions: local.sfn
          .listExecutions()
          .filter((execution) => orderIds.has(execution.name))
          .map((execution) => ({
            machine: machines.get(execution.stateMachineArn) ?? execution.stateMachineArn,
            history: local.sfn.getExecutionHistory(execution.executionArn),
          })),
        busEvents: local.events.slice(firstEvent).map((event) => ({
          type: event.type,
          sender: event.sender,
          bytes: entryBytes(event),
        })),
        capacity: [...meter.records],
        written: [...meter.written],
        mismatches,
      };
    } finally {
      await local.close();
    }
  } finally {
    await dynamodb.stop();
  }
}

/** What Powertools writes per invocation: the in-progress record, then the completed one with the answer. */
async function writeIdempotencyRecords(
  client: ReturnType<typeof localDynamoDbClient>,
  meter: CapacityMeter,
  invocations: readonly Invocation[],
  options: ScriptedRunOptions,
): Promise<void> {
  const layers = new Map<string, DynamoDBPersistenceLayer>();
  for (const invocation of invocations) {
    if (invocation.stateful || !options.writesIdempotency(invocation.agentType)) continue;
    let layer = layers.get(invocation.agentType);
    if (layer === undefined) {
      layer = new DynamoDBPersistenceLayer({
        tableName: IDEMPOTENCY_TABLE.localName,
        awsSdkV3Client: client,
      });
      layer.configure({
        config: new IdempotencyConfig({ expiresAfterSeconds: 3_600 }),
        functionName: `AgentBridge-${invocation.agentType}`,
      });
      layers.set(invocation.agentType, layer);
    }
    const key = { messageId: invocation.messageId };
    const written = layer;
    await meter.within(invocation.agentType, invocation.correlationId, async () => {
      await written.saveInProgress(key, 30_000);
      await written.saveSuccess(key, JSON.parse(JSON.stringify(invocation.result ?? null)) as JSONValue);
    });
  }
}
