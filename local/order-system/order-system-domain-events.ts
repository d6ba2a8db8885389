import { MessageRegistry } from '../../lambdas/contracts/message-registry.js';
import type { MessageType } from '../../lambdas/contracts/message-type.js';
import {
  OrderCancellationRecorded,
  OrderCreated,
  OrderDelivered,
  OrderExpired,
  OrderPaid,
  OrderProcessingStarted,
  OrderShipped,
} from '../../lambdas/contracts/order/order-events.js';
import { UserCreated, UserDeleted, UserUpdated } from '../../lambdas/contracts/users/user-events.js';

/**
 * The message types of every domain event the order system stores (`USER_EVENT_TYPES`, `ORDER_EVENT_TYPES`):
 * what the local outbox relay resolves a stored event's type name with before it puts the event on the bus.
 * A fresh registry per call: a registry can be added to, so none is shared.
 *
 * @example
 * ```ts
 * const port = inProcessOutboxPort(runtime, orderSystemDomainEvents());
 * ```
 */
export function orderSystemDomainEvents(): MessageRegistry {
  return new MessageRegistry(
    [
      UserCreated,
      UserUpdated,
      UserDeleted,
      OrderCreated,
      OrderPaid,
      OrderProcessingStarted,
      OrderShipped,
      OrderDelivered,
      OrderCancellationRecorded,
      OrderExpired,
    ].map((type) => type as MessageType<string, never, unknown>),
  );
}
