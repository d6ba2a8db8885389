import { INVENTORY_AGENT } from '../lambdas/agents/inventory/inventory-declaration.js';
import { LIFECYCLE_AGENT } from '../lambdas/agents/lifecycle/lifecycle-declaration.js';
import { NOTIFICATION_AGENT } from '../lambdas/agents/notification/notification-declaration.js';
import { ORDERS_AGENT } from '../lambdas/agents/orders/orders-declaration.js';
import { PAYMENT_AGENT } from '../lambdas/agents/payment/payment-declaration.js';
import { SAGA_STARTER_AGENT } from '../lambdas/agents/saga-starter/saga-starter-declaration.js';
import { USERS_AGENT } from '../lambdas/agents/users/users-declaration.js';
import type { AgentCatalogEntry } from './agent-catalog-entry.js';
import { OUTBOX_PUBLISHER_SPEC, SNAPSHOT_WRITER_SPEC } from './constructs/event-store-functions.js';

/**
 * The order system's functions. Business agents are rpc targets of the state machines' tasks; the lifecycle
 * agent resumes the lifecycle machine; the saga starter turns OrderRequested into a saga execution named after
 * the order; the outbox publisher forwards the event store's new events to the bus; the snapshot writer
 * snapshots the order and user aggregates from the same stream. What each may touch is in its declaration;
 * the stream consumers' function settings (a 60 s timeout) are the event store's (`addEventStore`).
 */
export const AGENT_CATALOG: readonly AgentCatalogEntry[] = [
  { id: 'Users', entry: 'lambdas/handlers/users-handler.ts', declaration: USERS_AGENT },
  { id: 'Inventory', entry: 'lambdas/handlers/inventory-handler.ts', declaration: INVENTORY_AGENT },
  { id: 'Payment', entry: 'lambdas/handlers/payment-handler.ts', declaration: PAYMENT_AGENT },
  { id: 'Orders', entry: 'lambdas/handlers/orders-handler.ts', declaration: ORDERS_AGENT },
  { id: 'Notification', entry: 'lambdas/handlers/notification-handler.ts', declaration: NOTIFICATION_AGENT },
  { id: 'Lifecycle', entry: 'lambdas/handlers/lifecycle-handler.ts', declaration: LIFECYCLE_AGENT },
  { id: 'SagaStarter', entry: 'lambdas/handlers/saga-starter-handler.ts', declaration: SAGA_STARTER_AGENT },
  {
    id: 'OutboxPublisher',
    entry: 'lambdas/handlers/outbox-publisher-handler.ts',
    declaration: OUTBOX_PUBLISHER_SPEC,
    eventStoreStream: true,
  },
  {
    id: 'SnapshotWriter',
    entry: 'lambdas/handlers/snapshot-handler.ts',
    declaration: SNAPSHOT_WRITER_SPEC,
    eventStoreStream: true,
  },
];
