import * as z from 'zod';
import { defineMessage } from '../message-type.js';
import { MinorUnitsSchema, OrderIdSchema, TrackingNumberSchema } from './order-values.js';

/** The order lifecycle: created → paid → processing → shipped → delivered; cancel from created|paid. */
export const OrderStateSchema = z.enum([
  'created',
  'paid',
  'processing',
  'shipped',
  'delivered',
  'cancelled',
  'expired',
]);
export type OrderState = z.infer<typeof OrderStateSchema>;

/**
 * Triggers are events on the bus; each resumes the waiting lifecycle execution once.
 *
 * PaymentCompleted: the payment provider settled the order's charge: `paymentId` and `amount` (minor units) must be those the
 * saga charged (OrderCreated records them), or the lifecycle rejects it and changes nothing.
 */
export const PaymentCompleted = defineMessage(
  'PaymentCompleted',
  z.object({ orderId: OrderIdSchema, paymentId: z.string().min(1), amount: MinorUnitsSchema }),
);
export const ProcessingStarted = defineMessage('ProcessingStarted', z.object({ orderId: OrderIdSchema }));
export const ShippingConfirmed = defineMessage(
  'ShippingConfirmed',
  z.object({ orderId: OrderIdSchema, trackingNumber: TrackingNumberSchema }),
);
export const DeliveryConfirmed = defineMessage('DeliveryConfirmed', z.object({ orderId: OrderIdSchema }));
export const OrderCancelled = defineMessage(
  'OrderCancelled',
  z.object({ orderId: OrderIdSchema, reason: z.string().max(500).default('customer request') }),
);

export const LIFECYCLE_TRIGGERS = [
  PaymentCompleted.name,
  ProcessingStarted.name,
  ShippingConfirmed.name,
  DeliveryConfirmed.name,
  OrderCancelled.name,
] as const;
export type LifecycleTrigger = (typeof LIFECYCLE_TRIGGERS)[number];
export const LifecycleTriggerSchema = z.enum(LIFECYCLE_TRIGGERS);

/** Published on every transition. */
export const OrderStateChanged = defineMessage(
  'OrderStateChanged',
  z.object({
    orderId: OrderIdSchema,
    from: OrderStateSchema,
    to: OrderStateSchema,
    trigger: z.string(),
    at: z.string(),
  }),
);

/** Published when a trigger is not valid in the order's current state (nothing changes). */
export const OrderTransitionRejected = defineMessage(
  'OrderTransitionRejected',
  z.object({
    orderId: OrderIdSchema,
    trigger: z.string(),
    /** The state the order is in, or `unknown` when no lifecycle is waiting for it. */
    state: z.string(),
    reason: z.string(),
  }),
);
