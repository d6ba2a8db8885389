import * as z from 'zod';
import { defineMessage } from '../message-type.js';
import { OrderStateSchema } from './lifecycle-messages.js';
import { MinorUnitsSchema, OrderIdSchema, OrderLineSchema, UserIdSchema } from './order-values.js';

/** One recorded transition of an order (the order keeps its history). */
export const OrderTransitionSchema = z.object({
  from: OrderStateSchema.nullable(),
  to: OrderStateSchema,
  event: z.string(),
  at: z.string(),
  version: z.number().int().positive(),
});

/** An order as its aggregate folds it from `order-<orderId>`. */
export const OrderViewSchema = z.object({
  orderId: OrderIdSchema,
  sagaId: z.string(),
  userId: UserIdSchema,
  items: z.array(OrderLineSchema),
  amount: MinorUnitsSchema,
  paymentId: z.string(),
  state: OrderStateSchema,
  trackingNumber: z.string().optional(),
  cancellationReason: z.string().optional(),
  version: z.number().int().positive(),
  history: z.array(OrderTransitionSchema),
});
export type OrderView = z.infer<typeof OrderViewSchema>;

/**
 * Reads an order from its event stream (strongly consistent: the aggregate, not a projection).
 *
 * @example
 * ```ts
 * const { order } = await runtime.send(GetOrder, { orderId: 'o-1' }, new AgentId('orders', 'o-1'));
 * ```
 */
export const GetOrder = defineMessage('GetOrder', z.object({ orderId: OrderIdSchema }), {
  response: z.object({ order: OrderViewSchema.nullable() }),
});
