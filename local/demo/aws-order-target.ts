import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import {
  DescribeExecutionCommand,
  type ExecutionListItem,
  type ExecutionStatus,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  ListExecutionsCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENV } from '../../lambdas/contracts/env-names.js';
import { silentLogger } from '../../lambdas/contracts/logger.js';
import {
  DeliveryConfirmed,
  OrderCancelled,
  PaymentCompleted,
  ProcessingStarted,
  ShippingConfirmed,
} from '../../lambdas/contracts/order/lifecycle-messages.js';
import { OrderRequested } from '../../lambdas/contracts/order/order-messages.js';
import { ORDER_PRODUCER_SOURCES } from '../../lambdas/contracts/order/order-producers.js';
import { TOPICS } from '../../lambdas/contracts/topics.js';
import { CreateUser, DeleteUser } from '../../lambdas/contracts/users/user-commands.js';
import { AgentId } from '../../lambdas/runtime/agent-id.js';
import { AwsRuntime } from '../../lambdas/runtime/aws/aws-runtime.js';
import { parseAgentFunctions } from '../../lambdas/runtime/aws/aws-runtime-config.js';
import { TopicId } from '../../lambdas/runtime/topic-id.js';
import { DynamoDbInventoryStore } from '../../lambdas/stores/inventory/dynamodb/dynamodb-inventory-store.js';
import { DynamoDbRecordingSender } from '../../lambdas/stores/notifications/dynamodb/dynamodb-recording-sender.js';
import { DynamoDbUserReadModel } from '../../lambdas/stores/users/dynamodb/dynamodb-user-read-model.js';
import type { BusEvent } from './bus-trace-event.js';
import { busTraceEvent } from './bus-trace-event.js';
import { OrderStalledError, TargetNotAvailableError } from './demo-error.js';
import { engineHistoryOf } from './engine-history.js';
import { machineItems } from './machine-items.js';
import { notificationTraceEvent } from './notification-trace-event.js';
import type { ExecutionState, OrderSystemTarget } from './order-system-target.js';

/** Where the deployed order system is: what its stack outputs name, and the agents' functions. */
export interface OrderStack {
  readonly eventBusName: string;
  readonly sagaStateMachineArn: string;
  readonly lifecycleStateMachineArn: string;
  readonly inventoryTableName: string;
  readonly usersTableName: string;
  readonly notificationsTableName: string;
  /** Agent type → function name (any function's `AGENTBRIDGE_AGENT_FUNCTIONS`). */
  readonly agentFunctions: ReadonlyMap<string, string>;
}

/** The order stack from its CloudFormation outputs and one function's environment. */
export function orderStackOf(
  outputs: Readonly<Record<string, string>>,
  functionEnvironment: Readonly<Record<string, string>>,
): OrderStack {
  const output = (key: string): string => {
    const value = outputs[key];
    if (value === undefined)
      throw new TargetNotAvailableError('local-cloud', `the stack has no output ${key}`);
    return value;
  };
  return {
    eventBusName: output('EventBusName'),
    sagaStateMachineArn: output('OrderSagaStateMachineArn'),
    lifecycleStateMachineArn: output('OrderLifecycleStateMachineArn'),
    inventoryTableName: output('InventoryTableName'),
    usersTableName: output('UsersTableName'),
    notificationsTableName: output('NotificationsTableName'),
    agentFunctions: parseAgentFunctions(functionEnvironment[ENV.agentFunctions]),
  };
}

/** How to reach the APIs: an endpoint (the local cloud, LocalStack) or, without one, the account of the environment. */
export interface AwsClientSettings {
  readonly endpoint?: string;
  readonly region?: string;
}

export interface AwsOrderTargetOptions {
  readonly name: string;
  readonly stack: OrderStack;
  readonly clients?: AwsClientSettings;
  /** The order's bus events, where the target can see them (the local cloud's archive); none otherwise. */
  readonly busEvents?: (orderId: string) => Promise<readonly BusEvent[]>;
  /** How often a wait asks again. Default 5 ms. */
  readonly pollMs?: number;
  /** The longest any one wait lasts before it fails with `OrderStalledError`. Default 30 s. */
  readonly waitMs?: number;
  /**
   * Resolves once whatever the calls so far caused has happened (the local cloud: its journal went quiet).
   * Default: 5 s, what a deployed system takes at most to quiet down here.
   */
  readonly settle?: () => Promise<void>;
  /** Called by `close` after the clients are closed (e.g. stopping the local cloud). */
  readonly onClose?: () => Promise<void>;
  /**
   * Publish every event twice, the same entries in a second PutEvents once the first was accepted: a producer
   * that retries (at-least-once), whose duplicates the system must apply once.
   */
  readonly publishTwice?: boolean;
}

const TRIGGERS = {
  PaymentCompleted,
  ProcessingStarted,
  ShippingConfirmed,
  DeliveryConfirmed,
  OrderCancelled,
};
const NOTIFICATIONS_PER_ORDER = 50;
/** History events after which a `.waitForTaskToken` task waits for its token. */
const WAITING = new Set(['TaskSubmitted']);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The order system as the demo and the end-to-end suite drive it through AWS APIs only: PutEvents with each
 * input's producer source, Lambda Invoke for the users agent's commands (through the AWS runtime, as another
 * service of the account would), DynamoDB reads of the read models, Step Functions' ListExecutions,
 * DescribeExecution and GetExecutionHistory. Pointed at the local cloud, LocalStack or an account alike.
 *
 * @example
 * ```ts
 * const target = new AwsOrderTarget({ name: 'local-cloud', stack, clients: { endpoint: cloud.endpointUrl } });
 * await target.placeOrder(order);
 * const saga = await target.waitForSaga(order.orderId);
 * ```
 */
export class AwsOrderTarget implements OrderSystemTarget {
  readonly name: string;
  /** Where the order system is deployed. */
  readonly stack: OrderStack;
  readonly #options: AwsOrderTargetOptions;
  readonly #sfn: SFNClient;
  readonly #eventBridge: EventBridgeClient;
  readonly #lambda: LambdaClient;
  readonly #dynamodb: DynamoDBClient;
  readonly #runtimes = new Map<string, AwsRuntime>();
  readonly #inventory: DynamoDbInventoryStore;
  readonly #users: DynamoDbUserReadModel;
  readonly #notifications: DynamoDbRecordingSender;
  readonly #pollMs: number;

  constructor(options: AwsOrderTargetOptions) {
    this.name = options.name;
    this.stack = options.stack;
    this.#options = options;
    this.#pollMs = options.pollMs ?? 5;
    const settings = {
      region: options.clients?.region ?? process.env.AWS_REGION ?? 'us-east-1',
      ...(options.clients?.endpoint === undefined
        ? {}
        : {
            endpoint: options.clients.endpoint,
            credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          }),
    };
    this.#sfn = new SFNClient(settings);
    this.#eventBridge = new EventBridgeClient(settings);
    if (options.publishTwice === true) {
      const client = this.#eventBridge;
      client.middlewareStack.add(
        (next) => async (args) => {
          const first = await next(args);
          await next(args);
          return first;
        },
        { step: 'initialize', name: 'publishTwice' },
      );
    }
    this.#lambda = new LambdaClient(settings);
    this.#dynamodb = new DynamoDBClient(settings);
    const documentClient = DynamoDBDocumentClient.from(this.#dynamodb);
    const { stack } = options;
    this.#inventory = new DynamoDbInventoryStore({ documentClient, tableName: stack.inventoryTableName });
    this.#users = new DynamoDbUserReadModel({ documentClient, tableName: stack.usersTableName });
    this.#notifications = new DynamoDbRecordingSender({
      documentClient,
      tableName: stack.notificationsTableName,
    });
  }

  /** The runtime that publishes as `source` (each outside producer has its own). */
  #runtime(source: string): AwsRuntime {
    let runtime = this.#runtimes.get(source);
    if (runtime === undefined) {
      runtime = new AwsRuntime({
        eventBridge: this.#eventBridge,
        lambda: this.#lambda,
        config: {
          eventBusName: this.#options.stack.eventBusName,
          source,
          agentFunctions: this.#options.stack.agentFunctions,
          sendTimeoutMs: 20_000,
        },
        logger: silentLogger,
      });
      this.#runtimes.set(source, runtime);
    }
    return runtime;
  }

  async addUser(user: Parameters<OrderSystemTarget['addUser']>[0]): Promise<void> {
    const { userId, email, name, phone } = user;
    const users = this.#runtime('shop.accounts');
    const id = new AgentId('users', userId);
    await users.send(
      CreateUser,
      CreateUser.parse({ userId, email, name, ...(phone === undefined ? {} : { phone }) }),
      id,
    );
    // The read model follows the event store through the outbox: the order's first step reads it.
    await this.#until(
      async () => (await this.#users.get(userId)) !== undefined,
      userId,
      'the user to be readable',
    );
    if (user.deleted === true) {
      await users.send(DeleteUser, { userId, reason: 'account closed' }, id);
      await this.#until(
        async () => (await this.#users.get(userId))?.status === 'deleted',
        userId,
        'the user to be deleted',
      );
    }
  }

  async restock(sku: string, quantity: number): Promise<void> {
    await this.#inventory.restock(sku, quantity);
  }

  /** The units of `sku` in stock now (0 for a product never stocked). */
  async stockOf(sku: string): Promise<number> {
    const [level] = await this.#inventory.stockLevels([sku]);
    return level?.available ?? 0;
  }

  async placeOrder(order: Parameters<OrderSystemTarget['placeOrder']>[0]): Promise<void> {
    const data = OrderRequested.parse(order);
    await this.#runtime(ORDER_PRODUCER_SOURCES.OrderRequested).publish(
      OrderRequested,
      data,
      new TopicId(TOPICS.orderRequested, data.orderId),
      { correlationId: data.orderId },
    );
  }

  async waitForSaga(orderId: string): Promise<ExecutionState> {
    return this.#waitForEnd(this.#options.stack.sagaStateMachineArn, orderId, 'saga');
  }

  async waitForLifecycle(orderId: string): Promise<ExecutionState> {
    const execution = await this.#until(
      () => this.#execution(this.#options.stack.lifecycleStateMachineArn, orderId),
      orderId,
      'its lifecycle to start',
    );
    const arn = execution.executionArn as string;
    return this.#until(
      async () => {
        const state = await this.#describe(arn);
        if (state.status !== 'RUNNING') return state;
        const last = (await this.#history(arn)).at(-1);
        return last !== undefined && WAITING.has(last.type ?? '') ? state : undefined;
      },
      orderId,
      'its lifecycle to wait',
    );
  }

  /** Resolves once the order's lifecycle execution has ended (not only parked at a wait). */
  waitForLifecycleEnd(orderId: string): Promise<ExecutionState> {
    return this.#waitForEnd(this.#options.stack.lifecycleStateMachineArn, orderId, 'lifecycle');
  }

  /** The orders whose lifecycle is still running (waiting for a trigger, or on its way to its end). */
  async runningLifecycles(): Promise<string[]> {
    const names: string[] = [];
    for await (const execution of this.#executions(this.#options.stack.lifecycleStateMachineArn, 'RUNNING'))
      if (execution.name) names.push(execution.name);
    return names;
  }

  async sendTrigger(...[trigger, data]: Parameters<OrderSystemTarget['sendTrigger']>): Promise<void> {
    const execution = await this.#execution(this.#options.stack.lifecycleStateMachineArn, data.orderId);
    const arn = execution?.executionArn;
    const before = arn === undefined ? 0 : (await this.#history(arn)).length;
    const type = TRIGGERS[trigger];
    await this.#runtime(ORDER_PRODUCER_SOURCES[trigger]).publish(
      type,
      type.parse(data),
      new TopicId(TOPICS.lifecycleTrigger, data.orderId),
      { correlationId: data.orderId },
    );
    if (arn === undefined) return;
    const rejectedBefore = await this.#rejections(data.orderId, trigger);
    // Applied once the execution moved on from the wait it was parked in; rejected once the lifecycle said so
    // on the bus (where the target sees the bus).
    await this.#until(
      async () =>
        (await this.#history(arn)).length > before ||
        (await this.#rejections(data.orderId, trigger)) > rejectedBefore ||
        undefined,
      data.orderId,
      `${trigger} to be applied`,
    );
  }

  async observe(orderId: string) {
    const notifications = await this.#notifications.listByOrder(orderId, NOTIFICATIONS_PER_ORDER);
    const bus = (await this.#options.busEvents?.(orderId)) ?? [];
    return {
      bus: bus.map(busTraceEvent),
      saga: machineItems(
        'saga',
        engineHistoryOf(await this.#historyOf(this.#options.stack.sagaStateMachineArn, orderId)),
      ),
      lifecycle: machineItems(
        'lifecycle',
        engineHistoryOf(await this.#historyOf(this.#options.stack.lifecycleStateMachineArn, orderId)),
      ),
      notifications: notifications.map(notificationTraceEvent),
    };
  }

  /** Resolves once everything the calls so far caused has happened (see the `settle` option). */
  settle(): Promise<void> {
    return this.#options.settle?.() ?? sleep(5_000).then(() => undefined);
  }

  /** The lifecycle execution's history so far (empty before it started). */
  async lifecycleHistory(orderId: string): Promise<HistoryEvent[]> {
    return this.#historyOf(this.#options.stack.lifecycleStateMachineArn, orderId);
  }

  async close(): Promise<void> {
    for (const client of [this.#sfn, this.#eventBridge, this.#lambda, this.#dynamodb]) client.destroy();
    await this.#options.onClose?.();
  }

  /** How many times the lifecycle rejected `trigger` for the order, as far as the target sees the bus. */
  async #rejections(orderId: string, trigger: string): Promise<number> {
    const events = (await this.#options.busEvents?.(orderId)) ?? [];
    return events.filter(
      (event) =>
        event.type === 'OrderTransitionRejected' &&
        (event.data as { trigger?: unknown } | null)?.trigger === trigger,
    ).length;
  }

  async #execution(stateMachineArn: string, name: string): Promise<ExecutionListItem | undefined> {
    for await (const execution of this.#executions(stateMachineArn))
      if (execution.name === name) return execution;
    return undefined;
  }

  /** The machine's executions (of one status, when given), a page read only when the caller goes on to it. */
  async *#executions(
    stateMachineArn: string,
    statusFilter?: ExecutionStatus,
  ): AsyncGenerator<ExecutionListItem> {
    let nextToken: string | undefined;
    do {
      const page = await this.#sfn.send(
        new ListExecutionsCommand({ stateMachineArn, statusFilter, nextToken }),
      );
      yield* page.executions ?? [];
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
  }

  /** Waits for the machine's execution named after the order to start, then to end. */
  async #waitForEnd(stateMachineArn: string, orderId: string, machine: string): Promise<ExecutionState> {
    const execution = await this.#until(
      () => this.#execution(stateMachineArn, orderId),
      orderId,
      `its ${machine} to start`,
    );
    return this.#until(
      async () => {
        const state = await this.#describe(execution.executionArn as string);
        return state.status === 'RUNNING' ? undefined : state;
      },
      orderId,
      `its ${machine} to end`,
    );
  }

  async #describe(executionArn: string): Promise<ExecutionState> {
    const { status, output, error, cause } = await this.#sfn.send(
      new DescribeExecutionCommand({ executionArn }),
    );
    return {
      status: (status ?? 'RUNNING') as ExecutionState['status'],
      ...(output === undefined ? {} : { output }),
      ...(error === undefined ? {} : { error }),
      ...(cause === undefined ? {} : { cause }),
    };
  }

  /** The history of the machine's execution named `name`; empty when there is none. */
  async #historyOf(stateMachineArn: string, name: string): Promise<HistoryEvent[]> {
    const execution = await this.#execution(stateMachineArn, name);
    return execution?.executionArn === undefined ? [] : this.#history(execution.executionArn);
  }

  async #history(executionArn: string): Promise<HistoryEvent[]> {
    const events: HistoryEvent[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.#sfn.send(
        new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 1000 }),
      );
      events.push(...(page.events ?? []));
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    return events;
  }

  /** Asks `check` again every few milliseconds until it answers something, for at most `waitMs`. */
  async #until<T>(check: () => Promise<T | undefined | false>, subject: string, what: string): Promise<T> {
    const deadline = Date.now() + (this.#options.waitMs ?? 30_000);
    for (;;) {
      const answer = await check();
      if (answer !== undefined && answer !== false) return answer;
      if (Date.now() > deadline) throw new OrderStalledError(subject, what);
      await sleep(this.#pollMs);
    }
  }
}
