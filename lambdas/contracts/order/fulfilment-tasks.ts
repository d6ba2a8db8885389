import * as z from 'zod';
import { defineMessage } from '../message-type.js';
import { OrderStateSchema } from './lifecycle-messages.js';
import { OrderIdSchema, TrackingNumberSchema, UserIdSchema } from './order-values.js';
import { StockLineSchema } from './saga-tasks.js';

/**
 * What the order lifecycle asks of the business agents after a transition. Each is an rpc
 * (a Step Functions task or `send`) and idempotent: a repeat answers `changed: false` / the recorded result.
 *
 * @example
 * ```ts
 * await runtime.send(RecordOrderTransition, { orderId, to: 'paid', trigger: 'PaymentCompleted' }, new AgentId('orders', orderId));
 * ```
 */
export const RecordOrderTransition = defineMessage(
  'RecordOrderTransition',
  z.object({
    orderId: OrderIdSchema,
    to: OrderStateSchema.exclude(['created']),
    trigger: z.string().min(1).max(128),
    /** Required when `to` is `shipped`. */
    trackingNumber: TrackingNumberSchema.optional(),
    /** Cancellation reason, or the awaited trigger for `expired`. */
    reason: z.string().max(500).optional(),
  }),
  {
    response: z.object({
      orderId: OrderIdSchema,
      state: OrderStateSchema,
      version: z.number().int(),
      /** False when the order was already in `to` (a repeated transition). */
      changed: z.boolean(),
    }),
  },
);

/**
 * The post-transition action of paid (its post handler: "tell inventory to start processing"): the saga's
 * reservation is committed (the stock consumed). A cancel while paid releases it, which puts the goods back.
 * Answers `committed: false` for an unknown or already released reservation.
 */
export const StartInventoryProcessing = defineMessage(
  'StartInventoryProcessing',
  z.object({ sagaId: z.string().min(1).max(256), orderId: OrderIdSchema }),
  { response: z.object({ committed: z.boolean(), items: z.array(StockLineSchema) }) },
);

/** shipped → (post handler) notify the customer with the tracking number, by email and SMS. */
export const SendShippingNotification = defineMessage(
  'SendShippingNotification',
  z.object({ orderId: OrderIdSchema, userId: UserIdSchema, trackingNumber: TrackingNumberSchema }),
  { response: z.object({ notificationIds: z.array(z.string()) }) },
);
