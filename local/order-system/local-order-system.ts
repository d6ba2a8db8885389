import type {
  InMemoryOrderStores,
  InMemoryOrderSystem,
} from '../../lambdas/agents/in-memory-order-system.js';
import type { InMemoryParkedSagaQueue } from '../../lambdas/agents/saga-starter/in-memory-parked-saga-queue.js';
import type { MessageOf } from '../../lambdas/contracts/message-type.js';
import type { LifecycleTrigger } from '../../lambdas/contracts/order/lifecycle-messages.js';
import type { OrderRequested } from '../../lambdas/contracts/order/order-messages.js';
import type { StateMachineKey } from '../../lambdas/contracts/state-machines.js';
import type { OutboxRelay } from '../../lambdas/patterns/outbox/outbox-relay.js';
import type { InMemoryAgentStateStore } from '../../lambdas/stores/agent-state/in-memory/in-memory-agent-state-store.js';
import type { InMemoryTaskTokenStore } from '../../lambdas/stores/task-tokens/in-memory/in-memory-task-token-store.js';
import type { ExecutionDescription, ExecutionHistoryEvent } from '../stepfunctions/local-execution.js';
import type { LocalStepFunctions } from '../stepfunctions/local-step-functions.js';
import type { ObservedEvent, ObservedEventListener, ObservedRuntime } from './observed-runtime.js';

/** What a lifecycle trigger carries besides its order id (e.g. `trackingNumber` for ShippingConfirmed). */
export type TriggerData = { readonly orderId: string } & Readonly<Record<string, unknown>>;

/** Both executions of one order: the saga and, once the order exists, its lifecycle. */
export interface OrderExecutions {
  readonly saga: ExecutionDescription | undefined;
  readonly sagaHistory: readonly ExecutionHistoryEvent[];
  readonly lifecycle: ExecutionDescription | undefined;
  readonly lifecycleHistory: readonly ExecutionHistoryEvent[];
}

/**
 * The whole order system in one process (see `startLocalOrderSystem`): the runtime with every agent, the
 * in-memory stores, both state machines on the local Step Functions service, and helpers to drive and watch it.
 */
export interface LocalOrderSystem {
  /** The in-process runtime every agent is registered on; `events` / `onEvent` tap its bus. */
  readonly runtime: ObservedRuntime;
  /** The agents' logic and stores (`system.users.queries`, `system.orders.get`, ...). */
  readonly system: InMemoryOrderSystem;
  /** Every store, for assertions ("nothing stays reserved or charged"), plus the lifecycle's task tokens. */
  readonly stores: InMemoryOrderStores & {
    readonly tokens: InMemoryTaskTokenStore;
    /** The saga starter's per-order records (`saga-starter/saga/<orderId>`: starting / started). */
    readonly sagaStarts: InMemoryAgentStateStore;
  };
  /** The parked-saga queue the saga's ParkSaga state writes to; `redriveParkedSagas` reads it. */
  readonly parkedSagas: InMemoryParkedSagaQueue;
  /** Every saga execution of an order, oldest first (EXPRESS: a repeated start or a redrive is another one). */
  sagaExecutions(orderId: string): ExecutionDescription[];
  readonly sfn: LocalStepFunctions;
  readonly stateMachineArns: Readonly<Record<StateMachineKey, string>>;
  /**
   * The outbox relay between the event store's change feed and the bus: every stored user and order event is
   * published on `domain.<type>` (source = stream id, message id of stream and version). `stats()` /
   * `failures()` show what it published and gave up; `runtime.waitUntilIdle()` waits for it.
   */
  readonly outbox: OutboxRelay;
  /**
   * Every event published so far (orders, triggers, outcomes, state changes, rejections, domain events from the
   * outbox), oldest first.
   */
  readonly events: readonly ObservedEvent[];
  onEvent(listener: ObservedEventListener): () => void;

  /** Adds stock of a SKU. */
  restock(sku: string, quantity: number): Promise<void>;
  /**
   * Creates a user through the users agent; resolves once UserCreated went out on the bus and the read model
   * shows the user.
   */
  createUser(user: { userId: string; email: string; name: string; phone?: string }): Promise<void>;
  /**
   * Publishes OrderRequested on `order.requested/<orderId>` (validated first) and resolves once the saga
   * starter has handled it, with the saga execution's ARN; the saga runs on in the background.
   */
  placeOrder(order: MessageOf<typeof OrderRequested>): Promise<{ executionArn: string }>;
  /**
   * Publishes a lifecycle trigger on `order.lifecycle/<orderId>` (validated first; `messageId` repeats a
   * delivery) and resolves once the lifecycle agent has handled it: resumed the execution or rejected it.
   */
  sendTrigger(trigger: LifecycleTrigger, data: TriggerData, options?: { messageId?: string }): Promise<void>;

  sagaExecutionArn(orderId: string): string;
  lifecycleExecutionArn(orderId: string): string;
  /** Resolves when the order's latest saga execution has ended. */
  waitForSaga(orderId: string): Promise<ExecutionDescription>;
  /** Resolves when the order's lifecycle waits for a trigger, or has ended: the moment for the next trigger. */
  waitForLifecycle(orderId: string): Promise<ExecutionDescription>;
  /** The events of one order (correlation id or topic source = order id), oldest first. */
  eventsOf(orderId: string): ObservedEvent[];
  /** Both executions of one order and their histories (entered/exited/retried/caught states). */
  executionsOf(orderId: string): OrderExecutions;
  /** Stops every running execution and drains the runtime: nothing keeps the process alive afterwards. */
  close(): Promise<void>;
}
