import * as z from 'zod';
import { defineMessage } from '../message-type.js';
import {
  MinorUnitsSchema,
  OrderIdSchema,
  OrderLineSchema,
  PaymentMethodSchema,
  UserIdSchema,
} from './order-values.js';

/**
 * Order-level events on the bus. `OrderRequested` is what another service publishes to place an order
 * (it starts the saga, execution name = orderId); the saga ends with `OrderCompleted` or `OrderFailed`.
 */
export const OrderRequested = defineMessage(
  'OrderRequested',
  z.object({
    orderId: OrderIdSchema,
    userId: UserIdSchema,
    items: z.array(OrderLineSchema).min(1).max(50),
    payment: PaymentMethodSchema,
  }),
);

export const OrderCompleted = defineMessage(
  'OrderCompleted',
  z.object({ orderId: OrderIdSchema, sagaId: z.string(), amount: MinorUnitsSchema, paymentId: z.string() }),
);

/** The saga step that failed; compensations ran for every step before it. */
export const SagaStepSchema = z.enum([
  'ValidateUser',
  'CheckInventory',
  'ReserveInventory',
  'ChargePayment',
  'CreateOrder',
  'StartLifecycle',
]);
export type SagaStep = z.infer<typeof SagaStepSchema>;

export const OrderFailed = defineMessage(
  'OrderFailed',
  z.object({
    orderId: OrderIdSchema,
    sagaId: z.string(),
    failedStep: SagaStepSchema,
    /** The error name (e.g. `PaymentDeclinedError`) and its message. */
    reason: z.string(),
    error: z.string(),
    compensations: z.array(z.enum(['RefundPayment', 'ReleaseInventory'])),
  }),
);
