import { LIFECYCLE_SUBSCRIPTIONS } from '../lambdas/agents/lifecycle/lifecycle-subscriptions.js';
import { SAGA_STARTER_SUBSCRIPTIONS } from '../lambdas/agents/saga-starter/saga-starter-subscriptions.js';
import { USERS_SUBSCRIPTIONS } from '../lambdas/agents/users/users-subscriptions.js';
import { LIFECYCLE_AGENT_TYPE } from '../lambdas/contracts/order/lifecycle-tasks.js';
import { ORDER_AGENT_TYPES } from '../lambdas/contracts/order/order-agent-types.js';
import { orderStreamId } from '../lambdas/contracts/order/order-events.js';
import { SAGA_STARTER_AGENT_TYPE } from '../lambdas/contracts/order/order-saga-io.js';
import { ORDER_TABLE_ACTIONS } from '../lambdas/contracts/order/order-table-actions.js';
import { agentFunctionTables as agentBase, TABLE_ACTIONS } from '../lambdas/contracts/table-access.js';
import { EVENT_STORE_TABLE } from '../lambdas/contracts/tables/event-store-table.js';
import { INVENTORY_TABLE } from '../lambdas/contracts/tables/inventory-table.js';
import { NOTIFICATIONS_TABLE } from '../lambdas/contracts/tables/notifications-table.js';
import { PAYMENTS_TABLE } from '../lambdas/contracts/tables/payments-table.js';
import { TASK_TOKEN_TABLE } from '../lambdas/contracts/tables/task-token-table.js';
import { USERS_TABLE } from '../lambdas/contracts/tables/users-table.js';
import { userStreamId } from '../lambdas/contracts/users/user-values.js';
import type { AgentSpec } from '../lambdas/runtime/agent-spec.js';
import type { AgentCatalogEntry } from './agent-catalog-entry.js';
import { OUTBOX_PUBLISHER_SPEC, SNAPSHOT_WRITER_SPEC } from './constructs/event-store-functions.js';

/**
 * The order system's functions. Business agents are rpc targets of the state machines' tasks; the lifecycle
 * agent resumes the lifecycle machine; the saga starter turns OrderRequested into a saga execution named after
 * the order; the outbox publisher forwards the event store's new events to the bus; the snapshot writer
 * snapshots the order and user aggregates from the same stream.
 */
/** A catalog entry for one of the event store's stream consumers, whose spec the library defines. */
const fromFrameworkSpec = (id: string, entry: string, spec: AgentSpec): AgentCatalogEntry => ({
  id,
  agentType: spec.agentType,
  hostsAgent: spec.hostsAgent ?? true,
  entry,
  subscriptions: spec.subscriptions ?? [],
  tables: spec.tables ?? [],
  sendsTo: spec.sendsTo ?? [],
  publishes: spec.publishes ?? false,
  stateMachines: {},
  eventStoreStream: true,
  timeoutSeconds: 60,
});

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
      { table: USERS_TABLE, actions: ORDER_TABLE_ACTIONS.users },
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
      { table: INVENTORY_TABLE, actions: ORDER_TABLE_ACTIONS.inventory },
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
      { table: PAYMENTS_TABLE, actions: ORDER_TABLE_ACTIONS.payments },
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
      { table: NOTIFICATIONS_TABLE, actions: ORDER_TABLE_ACTIONS.notifications },
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
  fromFrameworkSpec('OutboxPublisher', 'lambdas/handlers/outbox-publisher-handler.ts', OUTBOX_PUBLISHER_SPEC),
  fromFrameworkSpec('SnapshotWriter', 'lambdas/handlers/snapshot-handler.ts', SNAPSHOT_WRITER_SPEC),
];
