import { readFileSync } from 'node:fs';
import {
  inMemoryOrderSystem,
  type OrderStoreDecorator,
} from '../../lambdas/agents/in-memory-order-system.js';
import { lifecycleTasks } from '../../lambdas/agents/lifecycle/lifecycle-tasks.js';
import { recordedOrderStates } from '../../lambdas/agents/lifecycle/recorded-order-states.js';
import { InMemoryParkedSagaQueue } from '../../lambdas/agents/saga-starter/in-memory-parked-saga-queue.js';
import { type Clock, systemClock } from '../../lambdas/contracts/clock.js';
import { consoleLogger, type Logger } from '../../lambdas/contracts/logger.js';
import { MessageRegistry } from '../../lambdas/contracts/message-registry.js';
import type { MessageType } from '../../lambdas/contracts/message-type.js';
import {
  DeliveryConfirmed,
  OrderCancelled,
  OrderStateChanged,
  OrderTransitionRejected,
  PaymentCompleted,
  ProcessingStarted,
  ShippingConfirmed,
} from '../../lambdas/contracts/order/lifecycle-messages.js';
import { LIFECYCLE_AGENT_TYPE } from '../../lambdas/contracts/order/lifecycle-tasks.js';
import { ORDER_AGENT_TYPES } from '../../lambdas/contracts/order/order-agent-types.js';
import { OrderCompleted, OrderFailed, OrderRequested } from '../../lambdas/contracts/order/order-messages.js';
import {
  PARKED_SAGA_QUEUE,
  STATE_MACHINES,
  type StateMachineKey,
} from '../../lambdas/contracts/state-machines.js';
import { TOPICS } from '../../lambdas/contracts/topics.js';
import { CreateUser } from '../../lambdas/contracts/users/user-commands.js';
import { registerAgent } from '../../lambdas/runtime/agent-declaration.js';
import { AgentId } from '../../lambdas/runtime/agent-id.js';
import { TopicId } from '../../lambdas/runtime/topic-id.js';
import { InMemoryAgentStateStore } from '../../lambdas/stores/agent-state/in-memory/in-memory-agent-state-store.js';
import { InMemoryTaskTokenStore } from '../../lambdas/stores/task-tokens/in-memory/in-memory-task-token-store.js';
import type { LocalEventEntry } from '../stepfunctions/local-event-sink.js';
import type { LocalLambdaInvoker } from '../stepfunctions/local-lambda-invoker.js';
import { LocalStepFunctions, type LocalStepFunctionsOptions } from '../stepfunctions/local-step-functions.js';
import type { CallbackTimer } from '../stepfunctions/long-timer.js';
import { type HostedFunction, localFunctionArn } from './hosted-function.js';
import { LocalExecutionStarter } from './local-execution-starter.js';
import type { LocalOrderSystem } from './local-order-system.js';
import { UnroutableTaskError } from './local-order-system-error.js';
import { localOutbox } from './local-outbox.js';
import { LocalRedelivery, type LocalRedeliveryOptions } from './local-redelivery.js';
import { localQueueUrl, localSubstitutions } from './local-substitutions.js';
import { LocalTaskCallbacks } from './local-task-callbacks.js';
import { ObservedRuntime } from './observed-runtime.js';
import { orderSystemFunctions } from './order-system-functions.js';
import { runtimeEventSink } from './runtime-event-sink.js';
import { runtimeLambdaInvoker, type TaskFaultInjector } from './runtime-lambda-invoker.js';

export interface LocalOrderSystemOptions {
  /**
   * Milliseconds between Retry attempts, replacing the ASL's backoff and jitter (tests: 0–5; the demo: a few).
   * Default: the definitions' own intervals (seconds, with full jitter).
   */
  readonly retryIntervalMs?: number;
  /** Multiplies the lifecycle waits' HeartbeatSeconds/TimeoutSeconds (1e-5 turns a day into ~0.9 s). Default 1. */
  readonly callbackTimeScale?: number;
  /** Arms the lifecycle waits' deadlines (default: real timers); tests pass one they move by hand. */
  readonly callbackTimer?: CallbackTimer;
  /** Fails chosen tasks before they reach their agent (business or transient failures on demand). */
  readonly injectFault?: TaskFaultInjector;
  /** Fails chosen `events:putEvents` entries of the state machines (by detail-type), as a refusing bus would. */
  readonly injectPublishFault?: (detailType: string) => Error | undefined;
  /** Lambda's async retries of an event whose handler failed transiently (see LocalRedelivery). Default: AWS's. */
  readonly redelivery?: Omit<LocalRedeliveryOptions, 'logger'>;
  /** Receives handler errors of published events, duplicate-order notices and outbox failures. Default: stderr. */
  readonly logger?: Logger;
  readonly clock?: Clock;
  /** The account's quota of open STANDARD executions (lifecycles), to make StartLifecycle hit it. Default: none. */
  readonly openExecutionLimit?: number;
  /** Nested StartExecution calls that time out (see `LocalStepFunctionsOptions.nestedStartTimeout`). */
  readonly nestedStartTimeout?: LocalStepFunctionsOptions['nestedStartTimeout'];
  /** Nested DescribeExecution calls that fail (see `LocalStepFunctionsOptions.nestedDescribeFails`). */
  readonly nestedDescribeFails?: LocalStepFunctionsOptions['nestedDescribeFails'];
  /** Wraps each store as it is built (the task tokens included); default: the stores themselves. */
  readonly decorateStore?: OrderStoreDecorator;
  /** Wraps each agent function before it is hosted (e.g. to count its invocations); default: unchanged. */
  readonly decorateFunction?: (fn: HostedFunction) => HostedFunction;
}

const TRIGGERS = {
  PaymentCompleted,
  ProcessingStarted,
  ShippingConfirmed,
  DeliveryConfirmed,
  OrderCancelled,
};
/** What the state machines put on the bus. */
const STATE_MACHINE_EVENTS = [OrderCompleted, OrderFailed, OrderStateChanged, OrderTransitionRejected].map(
  (type) => type as MessageType<string, never, unknown>,
);

const definitionText = (key: StateMachineKey): string =>
  readFileSync(new URL(`../../${STATE_MACHINES[key].definitionFile}`, import.meta.url), 'utf8');

/**
 * Starts the whole order system in this process, no account, no Docker, no Java: the in-process runtime with
 * every agent of the order system and its subscriptions, the in-memory stores, and `order-saga` and
 * `order-lifecycle` from `statemachines/` on the local Step Functions service, with their
 * `definitionSubstitutions` resolved from `STATE_MACHINES`. Lambda tasks go through each function's Lambda adapter,
 * `events:putEvents` entries onto the runtime's bus (so OrderCompleted, OrderFailed and OrderStateChanged
 * reach subscribers), the lifecycle agent resumes executions through the local SendTaskSuccess (an event it fails
 * transiently on is retried as Lambda retries it). Domain events
 * reach the bus as on AWS: the event store's change feed (the table's stream there) drives an outbox relay that
 * publishes each on `domain.<type>`, keyed by stream, so the users agent's projection runs off the bus.
 *
 * @example
 * ```ts
 * const local = await startLocalOrderSystem({ retryIntervalMs: 1 });
 * await local.restock('SKU-1', 10);
 * await local.createUser({ userId: 'u-1', email: 'ada@example.com', name: 'Ada' });
 * await local.placeOrder({ orderId: 'o-1', userId: 'u-1', items: [{ sku: 'SKU-1', quantity: 1, unitPrice: 500 }], payment: { cardToken: 'tok_visa' } });
 * const saga = await local.waitForSaga('o-1'); // SUCCEEDED, output.outcome 'completed'
 * await local.sendTrigger('PaymentCompleted', { orderId: 'o-1', paymentId: 'p-1', amount: 2500 });
 * await local.close();
 * ```
 */
export async function startLocalOrderSystem(
  options: LocalOrderSystemOptions = {},
): Promise<LocalOrderSystem> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  const runtime = new ObservedRuntime({ logger, clock });
  const outbox = localOutbox(runtime, logger);
  const decorateStore: OrderStoreDecorator = options.decorateStore ?? ((_name, store) => store);
  const system = inMemoryOrderSystem({ clock, eventStoreAdapter: outbox.eventStoreAdapter, decorateStore });
  const tokens = decorateStore('tokens', new InMemoryTaskTokenStore({ clock }));
  const hosted = new Map<string, HostedFunction>();
  const sagaStarts = new InMemoryAgentStateStore();
  const parkedSagas = new InMemoryParkedSagaQueue();
  const sink = runtimeEventSink(runtime, new MessageRegistry(STATE_MACHINE_EVENTS));
  // A function's own publishes and sends (the lifecycle entering a state) reach the bus and the other
  // functions as they would on AWS: PutEvents onto the runtime's bus, Invoke through the same adapters.
  const invoke: LocalLambdaInvoker = runtimeLambdaInvoker({
    functions: hosted,
    logger,
    ...(options.injectFault === undefined ? {} : { injectFault: options.injectFault }),
    routes: {
      putEvents: (entries) => publishEntries(entries),
      invoke: (functionName, payload) => invoke({ functionName, payload }),
    },
    agentFunctions: new Map(Object.values(ORDER_AGENT_TYPES).map((type) => [type, localFunctionArn(type)])),
  });
  const publishEntries = async (entries: readonly LocalEventEntry[]): Promise<void> => {
    for (const entry of entries) {
      const fault = options.injectPublishFault?.(entry.DetailType);
      if (fault !== undefined) throw fault;
    }
    await sink.putEvents(entries);
  };
  const sfn = new LocalStepFunctions({
    lambda: invoke,
    events: { putEvents: (entries) => publishEntries(entries) },
    queues: {
      async sendMessage({ queueUrl, messageBody }) {
        if (queueUrl !== localQueueUrl(PARKED_SAGA_QUEUE)) {
          throw new UnroutableTaskError(queueUrl, 'sqs:sendMessage', 'no such queue offline');
        }
        return { messageId: parkedSagas.send(messageBody) };
      },
    },
    ...(options.retryIntervalMs === undefined ? {} : { retryIntervalMs: options.retryIntervalMs }),
    callbackTimeScale: options.callbackTimeScale ?? 1,
    ...(options.callbackTimer === undefined ? {} : { callbackTimer: options.callbackTimer }),
    clock,
    ...(options.openExecutionLimit === undefined ? {} : { openExecutionLimit: options.openExecutionLimit }),
    ...(options.nestedStartTimeout === undefined ? {} : { nestedStartTimeout: options.nestedStartTimeout }),
    ...(options.nestedDescribeFails === undefined
      ? {}
      : { nestedDescribeFails: options.nestedDescribeFails }),
  });
  const create = (key: StateMachineKey): string => {
    const contract = STATE_MACHINES[key];
    const substitutions = localSubstitutions(contract, {
      functionArn: (agentType) => localFunctionArn(agentType),
      stateMachineArn: (name) => sfn.stateMachineArn(name),
    });
    return sfn.createStateMachine({
      name: contract.name,
      type: contract.type,
      definition: definitionText(key),
      substitutions,
    }).stateMachineArn;
  };
  const stateMachineArns = { orderSaga: create('orderSaga'), orderLifecycle: create('orderLifecycle') };
  const functions = orderSystemFunctions({
    system,
    lifecycle: lifecycleTasks({
      tokens,
      callbacks: new LocalTaskCallbacks(sfn),
      orders: recordedOrderStates(system.orders),
      clock,
      logger,
    }),
    sagaStarter: new LocalExecutionStarter(sfn, stateMachineArns.orderSaga),
    sagaStarts,
    logger,
  });
  // Lambda retries an event whose function failed (twice, ~1 and ~2 minutes later); offline this does. Only the
  // lifecycle's event handlers throw TransientError (a store or Step Functions outage).
  const redelivery = new LocalRedelivery({ ...options.redelivery, logger });
  runtime.trackIdle(redelivery);
  for (const built of functions) {
    const fn = options.decorateFunction?.(built) ?? built;
    const definition = fn.agentType === LIFECYCLE_AGENT_TYPE ? redelivery.wrap(fn.definition) : fn.definition;
    // Registered as its declaration says (type, direct-message opt-out, subscriptions), on the built definition.
    await registerAgent(runtime, { ...fn, define: () => definition }, undefined);
    hosted.set(localFunctionArn(fn.agentType), fn);
  }

  // An EXPRESS machine's execution ARN carries an id of its own: the order's latest execution is looked up.
  const executionArn = (key: StateMachineKey, orderId: string): string =>
    sfn
      .listExecutions({ stateMachineArn: stateMachineArns[key] })
      .filter((execution) => execution.name === orderId)
      .at(-1)?.executionArn ?? `${stateMachineArns[key].replace(':stateMachine:', ':execution:')}:${orderId}`;
  const describe = (arn: string) => sfn.listExecutions().find((execution) => execution.executionArn === arn);
  const history = (arn: string) => (describe(arn) === undefined ? [] : sfn.getExecutionHistory(arn));

  return {
    runtime,
    system,
    stores: { ...system.stores, tokens, sagaStarts },
    parkedSagas,
    sagaExecutions: (orderId) =>
      sfn
        .listExecutions({ stateMachineArn: stateMachineArns.orderSaga })
        .filter((execution) => execution.name === orderId),
    sfn,
    stateMachineArns,
    outbox: outbox.relay,
    get events() {
      return runtime.events;
    },
    onEvent: (listener) => runtime.onEvent(listener),
    async restock(sku, quantity) {
      await system.stores.stock.restock(sku, quantity);
    },
    async createUser(user) {
      await runtime.send(CreateUser, CreateUser.parse(user), new AgentId('users', user.userId));
      // UserCreated on the bus, and the projection it drives, are part of creating the user.
      await runtime.waitUntilIdle();
    },
    async placeOrder(order) {
      const data = OrderRequested.parse(order);
      await runtime.publish(OrderRequested, data, new TopicId(TOPICS.orderRequested, data.orderId), {
        correlationId: data.orderId,
      });
      await runtime.waitUntilIdle();
      return { executionArn: executionArn('orderSaga', data.orderId) };
    },
    async sendTrigger(trigger, data, sendOptions = {}) {
      const type = TRIGGERS[trigger];
      await runtime.publish(type, type.parse(data), new TopicId(TOPICS.lifecycleTrigger, data.orderId), {
        correlationId: data.orderId,
        ...(sendOptions.messageId === undefined ? {} : { messageId: sendOptions.messageId }),
      });
      await runtime.waitUntilIdle();
    },
    sagaExecutionArn: (orderId) => executionArn('orderSaga', orderId),
    lifecycleExecutionArn: (orderId) => executionArn('orderLifecycle', orderId),
    waitForSaga: (orderId) => sfn.waitForExecution(executionArn('orderSaga', orderId)),
    waitForLifecycle: (orderId) => sfn.waitUntilParked(executionArn('orderLifecycle', orderId)),
    eventsOf: (orderId) =>
      runtime.events.filter((event) => event.correlationId === orderId || event.topic.source === orderId),
    executionsOf(orderId) {
      const saga = executionArn('orderSaga', orderId);
      const lifecycle = executionArn('orderLifecycle', orderId);
      return {
        saga: describe(saga),
        sagaHistory: history(saga),
        lifecycle: describe(lifecycle),
        lifecycleHistory: history(lifecycle),
      };
    },
    async close() {
      await sfn.close();
      await runtime.waitUntilIdle();
      outbox.stop();
    },
  };
}
