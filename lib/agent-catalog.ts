import { LIFECYCLE_SUBSCRIPTIONS } from '../lambdas/agents/lifecycle/lifecycle-subscriptions.js';
import { SAGA_STARTER_SUBSCRIPTIONS } from '../lambdas/agents/saga-starter/saga-starter-subscriptions.js';
import { USERS_SUBSCRIPTIONS } from '../lambdas/agents/users/users-subscriptions.js';
import { LIFECYCLE_AGENT_TYPE } from '../lambdas/contracts/order/lifecycle-tasks.js';
import { ORDER_AGENT_TYPES } from '../lambdas/contracts/order/order-agent-types.js';
import { orderStreamId } from '../lambdas/contracts/order/order-events.js';
import { SAGA_STARTER_AGENT_TYPE } from '../lambdas/contracts/order/order-saga-io.js';
import { OUTBOX_SOURCE, SOURCE_PREFIX } from '../lambdas/contracts/sources.js';
import { AGENT_STATE_TABLE } from '../lambdas/contracts/tables/agent-state-table.js';
import {
  EVENT_STORE_ATTRIBUTES as A,
  EVENT_STORE_TABLE,
  SNAPSHOT_PARTITION_MARKER,
} from '../lambdas/contracts/tables/event-store-table.js';
import { IDEMPOTENCY_TABLE } from '../lambdas/contracts/tables/idempotency-table.js';
import { INVENTORY_TABLE } from '../lambdas/contracts/tables/inventory-table.js';
import { NOTIFICATIONS_TABLE } from '../lambdas/contracts/tables/notifications-table.js';
import { PAYMENTS_TABLE } from '../lambdas/contracts/tables/payments-table.js';
import { TASK_TOKEN_TABLE } from '../lambdas/contracts/tables/task-token-table.js';
import { USERS_TABLE } from '../lambdas/contracts/tables/users-table.js';
import { userStreamId } from '../lambdas/contracts/users/user-values.js';
import type { AgentCatalogEntry } from './agent-catalog-entry.js';
import { TABLE_ACTIONS, type TableAccess } from './table-access.js';

/**
 * What every agent function is wired with (`lambdas/handlers/agent-function-wiring.ts`): the Powertools
 * idempotency table, and its own partition of the agent-state table (`dynamodb:LeadingKeys` = its agent type,
 * so no function can read or overwrite another agent type's state).
 */
const agentBase = (agentType: string): TableAccess[] => [
  { table: IDEMPOTENCY_TABLE, actions: TABLE_ACTIONS.idempotency },
  { table: AGENT_STATE_TABLE, actions: TABLE_ACTIONS.agentState, leadingKeys: [agentType] },
];

/** The outbox publisher's function type: `sourceFor(OUTBOX_FUNCTION_TYPE)` is {@link OUTBOX_SOURCE}. */
export const OUTBOX_FUNCTION_TYPE = OUTBOX_SOURCE.slice(SOURCE_PREFIX.length);

/** The snapshot writer's function type (`AgentBridge-snapshot-writer`): a stream consumer, not an agent. */
export const SNAPSHOT_FUNCTION_TYPE = 'snapshot-writer';

/**
 * The partition keys of snapshot items (`<stream id>#snapshot#<reducer version>`) as an IAM `StringLike`
 * pattern. Stream ids may not contain `#`, so no event partition matches it.
 */
export const SNAPSHOT_PARTITION_PATTERN = `*${SNAPSHOT_PARTITION_MARKER}*`;

/** The attributes of a snapshot item: none of an event's (id, type, data, metadata), so no event can be put. */
const SNAPSHOT_ATTRIBUTES = [A.pk, A.sk, A.kind, A.streamId, A.reducerVersion, A.state, A.time];

/**
 * The order system's functions. Business agents are rpc targets of the state machines' tasks; the lifecycle
 * agent resumes the lifecycle machine; the saga starter turns OrderRequested into a saga execution named after
 * the order; the outbox publisher forwards the event store's new events to the bus; the snapshot writer
 * snapshots the order and user aggregates from the same stream.
 */
export const AGENT_CATALOG: readonly AgentCatalogEntry[] = [
  {
    id: 'Users',
    agentType: ORDER_AGENT_TYPES.users,
    hostsAgent: true,
    entry: 'lambdas/handlers/users-handler.ts',
    subscriptions: USERS_SUBSCRIPTIONS,
    tables: [
      ...agentBase(ORDER_AGENT_TYPES.users),
      {
        table: EVENT_STORE_TABLE,
        actions: TABLE_ACTIONS.eventStore,
        leadingKeyPatterns: [userStreamId('*')],
      },
      { table: USERS_TABLE, actions: TABLE_ACTIONS.users },
    ],
    sendsTo: [],
    publishes: false,
    stateMachines: {},
  },
  {
    id: 'Inventory',
    agentType: ORDER_AGENT_TYPES.inventory,
    hostsAgent: true,
    entry: 'lambdas/handlers/inventory-handler.ts',
    subscriptions: [],
    tables: [
      ...agentBase(ORDER_AGENT_TYPES.inventory),
      { table: INVENTORY_TABLE, actions: TABLE_ACTIONS.inventory },
    ],
    sendsTo: [],
    publishes: false,
    stateMachines: {},
  },
  {
    id: 'Payment',
    agentType: ORDER_AGENT_TYPES.payment,
    hostsAgent: true,
    entry: 'lambdas/handlers/payment-handler.ts',
    subscriptions: [],
    tables: [
      ...agentBase(ORDER_AGENT_TYPES.payment),
      { table: PAYMENTS_TABLE, actions: TABLE_ACTIONS.payments },
    ],
    sendsTo: [],
    publishes: false,
    stateMachines: {},
  },
  {
    id: 'Orders',
    agentType: ORDER_AGENT_TYPES.orders,
    hostsAgent: true,
    entry: 'lambdas/handlers/orders-handler.ts',
    subscriptions: [],
    tables: [
      ...agentBase(ORDER_AGENT_TYPES.orders),
      {
        table: EVENT_STORE_TABLE,
        actions: TABLE_ACTIONS.eventStore,
        leadingKeyPatterns: [orderStreamId('*')],
      },
    ],
    sendsTo: [],
    publishes: false,
    stateMachines: {},
  },
  {
    id: 'Notification',
    agentType: ORDER_AGENT_TYPES.notification,
    hostsAgent: true,
    entry: 'lambdas/handlers/notification-handler.ts',
    subscriptions: [],
    tables: [
      ...agentBase(ORDER_AGENT_TYPES.notification),
      { table: NOTIFICATIONS_TABLE, actions: TABLE_ACTIONS.notifications },
      // Contact details come from the users read model: one GetItem per notification, nothing else.
      { table: USERS_TABLE, actions: ['dynamodb:GetItem'] },
    ],
    sendsTo: [],
    publishes: false,
    stateMachines: {},
  },
  {
    id: 'Lifecycle',
    agentType: LIFECYCLE_AGENT_TYPE,
    hostsAgent: true,
    entry: 'lambdas/handlers/lifecycle-handler.ts',
    subscriptions: LIFECYCLE_SUBSCRIPTIONS,
    tables: [
      ...agentBase(LIFECYCLE_AGENT_TYPE),
      { table: TASK_TOKEN_TABLE, actions: TABLE_ACTIONS.taskTokens },
      // A trigger that finds no parked token reads the order's recorded state to tell "not yet" from "never".
      { table: EVENT_STORE_TABLE, actions: TABLE_ACTIONS.eventStoreReads },
    ],
    // Entering a state: the orders agent records the transition, inventory starts processing at paid, the
    // customer is notified at shipped (one Step Functions state for what took four).
    sendsTo: [ORDER_AGENT_TYPES.orders, ORDER_AGENT_TYPES.inventory, ORDER_AGENT_TYPES.notification],
    // OrderStateChanged on every transition it enters; OrderTransitionRejected for a trigger the order's
    // state does not accept.
    publishes: true,
    stateMachines: { orderLifecycle: ['taskResponse'] },
  },
  {
    id: 'SagaStarter',
    agentType: SAGA_STARTER_AGENT_TYPE,
    hostsAgent: true,
    entry: 'lambdas/handlers/saga-starter-handler.ts',
    subscriptions: SAGA_STARTER_SUBSCRIPTIONS,
    tables: agentBase(SAGA_STARTER_AGENT_TYPE),
    sendsTo: [],
    // The saga publishes the order's outcome itself (events:putEvents tasks); the starter only starts it.
    publishes: false,
    stateMachines: { orderSaga: ['start'] },
  },
  {
    id: 'OutboxPublisher',
    // `agentbridge.outbox` (OUTBOX_SOURCE) is the source of what it forwards: the events come from the store.
    agentType: OUTBOX_FUNCTION_TYPE,
    hostsAgent: false,
    entry: 'lambdas/handlers/outbox-publisher-handler.ts',
    subscriptions: [],
    // No table at all: no agent state, no idempotency records (a redelivered record is republished under the
    // same message id and consumers deduplicate), no event store access beyond its stream (the event source).
    tables: [],
    sendsTo: [],
    publishes: true,
    stateMachines: {},
    eventStoreStream: true,
    // A batch of up to 100 records, up to 10 per PutEvents call; a stream's k events take k rounds of calls.
    timeoutSeconds: 60,
  },
  {
    id: 'SnapshotWriter',
    agentType: SNAPSHOT_FUNCTION_TYPE,
    hostsAgent: false,
    entry: 'lambdas/handlers/snapshot-handler.ts',
    subscriptions: [],
    // Reads the previous snapshot and the events after it (Query); writes snapshot items only: PutItem is
    // conditioned on the snapshot partitions, so this function can never write (and so publish) an event.
    // No idempotency table: a snapshot at a version is deterministic, a redelivery rewrites the same item.
    tables: [
      { table: EVENT_STORE_TABLE, actions: TABLE_ACTIONS.eventStoreReads },
      {
        table: EVENT_STORE_TABLE,
        actions: TABLE_ACTIONS.eventStoreSnapshots,
        leadingKeyPatterns: [SNAPSHOT_PARTITION_PATTERN],
        attributes: SNAPSHOT_ATTRIBUTES,
      },
    ],
    sendsTo: [],
    publishes: false,
    stateMachines: {},
    eventStoreStream: true,
    // A batch of up to 100 records; each boundary record folds at most one snapshot interval of events.
    timeoutSeconds: 60,
  },
];
