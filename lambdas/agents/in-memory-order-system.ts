import { type Clock, systemClock } from '../contracts/clock.js';
import { EventStore } from '../stores/event-store/event-store.js';
import type { EventStorePort } from '../stores/event-store/event-store-port.js';
import { InMemoryEventStoreAdapter } from '../stores/event-store/in-memory/in-memory-event-store-adapter.js';
import { InMemoryInventoryStore } from '../stores/inventory/in-memory/in-memory-inventory-store.js';
import { InMemoryRecordingSender } from '../stores/notifications/in-memory/in-memory-recording-sender.js';
import { InMemoryPaymentStore } from '../stores/payments/in-memory/in-memory-payment-store.js';
import { InMemoryUserClaims } from '../stores/users/in-memory/in-memory-user-claims.js';
import { InMemoryUserReadModel } from '../stores/users/in-memory/in-memory-user-read-model.js';
import { type InventoryTasks, inventoryTasks } from './inventory/inventory-tasks.js';
import { readModelContacts } from './notification/contact-directory.js';
import { type NotificationTasks, notificationTasks } from './notification/notification-tasks.js';
import { type OrderTasks, orderTasks } from './orders/order-tasks.js';
import { type PaymentTasks, paymentTasks } from './payment/payment-tasks.js';
import { SimulatedPaymentGateway } from './payment/simulated-payment-gateway.js';
import { DEFAULT_CLAIM_GRACE_MS } from './users/claim-email.js';
import { type UserCommands, userCommands } from './users/user-commands.js';
import { type UserProjection, userProjection } from './users/user-projection.js';
import { type UserQueries, userQueries } from './users/user-queries.js';
import { type UserTasks, userTasks } from './users/user-tasks.js';

/** Every store of the order system, in memory, for assertions ("nothing stays reserved or charged"). */
export interface InMemoryOrderStores {
  readonly events: EventStore;
  readonly stock: InMemoryInventoryStore;
  readonly payments: InMemoryPaymentStore;
  readonly claims: InMemoryUserClaims;
  readonly readModel: InMemoryUserReadModel;
  readonly sender: InMemoryRecordingSender;
}

/**
 * Wraps one store of the order system as it is built, returning something of the same shape; `name` is the
 * key in {@link InMemoryOrderStores} (`events` wraps the event store's storage port). The cost report measures
 * through it.
 */
export type OrderStoreDecorator = <T extends object>(
  name: keyof InMemoryOrderStores | 'tokens',
  store: T,
) => T;

export interface InMemoryOrderSystem {
  readonly stores: InMemoryOrderStores;
  readonly users: {
    readonly commands: UserCommands;
    readonly queries: UserQueries;
    readonly projection: UserProjection;
    readonly tasks: UserTasks;
  };
  readonly inventory: InventoryTasks;
  readonly payment: PaymentTasks;
  readonly orders: OrderTasks;
  readonly notification: NotificationTasks;
}

/**
 * The reference order system's agents wired on in-memory stores (one shared event store), for tests, the
 * offline Step Functions runs (task overrides call `system.inventory.reserve(input)` and friends) and
 * `npm start`. Register the agents' declarations on a runtime with these as their deps
 * (`registerAgent(runtime, ORDERS_AGENT, { tasks: system.orders })`, `registerAgent(runtime, USERS_AGENT, system.users)`).
 *
 * @example
 * ```ts
 * const system = inMemoryOrderSystem();
 * await system.stores.stock.restock('SKU-1', 10);
 * await system.users.commands.create({ userId: 'u-1', email: 'ada@example.com', name: 'Ada' });
 * await system.users.projection.catchUp('u-1');
 * ```
 */
export function inMemoryOrderSystem(
  options: {
    clock?: Clock;
    /** The event store's storage; pass your own to subscribe to its change feed. Default: a fresh one. */
    eventStoreAdapter?: EventStorePort;
    /** Wraps each store as it is built (e.g. to measure what it is asked); default: the store itself. */
    decorateStore?: OrderStoreDecorator;
  } = {},
): InMemoryOrderSystem {
  const clock = options.clock ?? systemClock;
  const decorate: OrderStoreDecorator = options.decorateStore ?? ((_name, store) => store);
  const adapter = decorate('events', options.eventStoreAdapter ?? new InMemoryEventStoreAdapter());
  const stores: InMemoryOrderStores = {
    events: new EventStore({ adapter, clock }),
    stock: decorate('stock', new InMemoryInventoryStore()),
    payments: decorate('payments', new InMemoryPaymentStore()),
    claims: decorate('claims', new InMemoryUserClaims()),
    readModel: decorate('readModel', new InMemoryUserReadModel()),
    sender: decorate('sender', new InMemoryRecordingSender()),
  };
  const { events, claims, readModel } = stores;
  return {
    stores,
    users: {
      commands: userCommands({
        events,
        claims,
        claimGraceMs: DEFAULT_CLAIM_GRACE_MS,
        clock,
      }),
      queries: userQueries({ readModel }),
      projection: userProjection({ events, readModel, claims }),
      tasks: userTasks({ events }),
    },
    inventory: inventoryTasks({ stock: stores.stock, clock }),
    payment: paymentTasks({ payments: stores.payments, gateway: new SimulatedPaymentGateway(), clock }),
    orders: orderTasks({ events }),
    notification: notificationTasks({ sender: stores.sender, contacts: readModelContacts(readModel), clock }),
  };
}
