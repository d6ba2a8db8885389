import * as z from 'zod';
import { defineMessage } from '../message-type.js';
import {
  MinorUnitsSchema,
  OrderIdSchema,
  OrderLineSchema,
  TrackingNumberSchema,
  UserIdSchema,
} from './order-values.js';

/**
 * Domain events of the order aggregate, appended to stream `order-<orderId>`; the outbox publishes each on
 * topic `domain.<type>`. Named apart from the lifecycle triggers (`OrderCancelled` is a trigger someone
 * publishes; `OrderCancellationRecorded` is the fact the aggregate stored), so one detail-type never means
 * two schemas.
 *
 * @example
 * ```ts
 * const created = OrderCreated.parse(storedEvent.data);
 * ```
 */
export const OrderCreated = defineMessage(
  'OrderCreated',
  z.object({
    orderId: OrderIdSchema,
    sagaId: z.string().min(1),
    userId: UserIdSchema,
    items: z.array(OrderLineSchema).min(1),
    amount: MinorUnitsSchema,
    paymentId: z.string().min(1),
  }),
);

export const OrderPaid = defineMessage(
  'OrderPaid',
  z.object({ orderId: OrderIdSchema, paymentId: z.string() }),
);

export const OrderProcessingStarted = defineMessage(
  'OrderProcessingStarted',
  z.object({ orderId: OrderIdSchema }),
);

export const OrderShipped = defineMessage(
  'OrderShipped',
  z.object({ orderId: OrderIdSchema, trackingNumber: TrackingNumberSchema }),
);

export const OrderDelivered = defineMessage('OrderDelivered', z.object({ orderId: OrderIdSchema }));

export const OrderCancellationRecorded = defineMessage(
  'OrderCancellationRecorded',
  z.object({ orderId: OrderIdSchema, reason: z.string().max(500) }),
);

/** The lifecycle's callback wait timed out; the order ends here (a wait on Step Functions needs a deadline, so an order can expire). */
export const OrderExpired = defineMessage(
  'OrderExpired',
  z.object({ orderId: OrderIdSchema, awaited: z.string().max(128) }),
);

export const ORDER_EVENT_TYPES = [
  OrderCreated.name,
  OrderPaid.name,
  OrderProcessingStarted.name,
  OrderShipped.name,
  OrderDelivered.name,
  OrderCancellationRecorded.name,
  OrderExpired.name,
] as const;

/** The order's event stream: `order-<orderId>`. */
export const orderStreamId = (orderId: string): string => `order-${orderId}`;
