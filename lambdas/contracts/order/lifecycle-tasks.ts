import * as z from 'zod';
import { defineMessage } from '../message-type.js';
import { LIFECYCLE_TRIGGERS, OrderStateSchema } from './lifecycle-messages.js';
import { MinorUnitsSchema, OrderIdSchema, UserIdSchema } from './order-values.js';

/** The agent type of the lifecycle agent (its function, and the `source` suffix of what it publishes). */
export const LIFECYCLE_AGENT_TYPE = 'lifecycle';

export const LifecycleTriggerSchema = z.enum(LIFECYCLE_TRIGGERS);

/**
 * The input of an `order-lifecycle` execution (name = orderId). The saga starts it once the order exists,
 * with what the later steps need: `sagaId` keys the refund, release and inventory commit of this order.
 */
export const OrderLifecycleInputSchema = z.object({
  orderId: OrderIdSchema,
  sagaId: z.string().min(1).max(256),
  userId: UserIdSchema,
  amount: MinorUnitsSchema,
  paymentId: z.string().min(1),
});
export type OrderLifecycleInput = z.infer<typeof OrderLifecycleInputSchema>;

/**
 * The "await trigger" task (`lambda:invoke.waitForTaskToken`): the lifecycle agent parks `taskToken` under
 * (orderId, trigger) for every awaited trigger, with `ttlSeconds` as the items' lifetime, and answers at once;
 * the execution resumes when a trigger's handler sends the token back, or at once when a trigger it awaits
 * was recorded before the wait was parked.
 *
 * @example
 * ```json
 * { "orderId": "o-1", "state": "created", "awaiting": ["PaymentCompleted", "OrderCancelled"],
 *   "taskToken": "AAAA…", "ttlSeconds": 86400 }
 * ```
 */
export const AwaitLifecycleTrigger = defineMessage(
  'AwaitLifecycleTrigger',
  z.object({
    orderId: OrderIdSchema,
    state: OrderStateSchema,
    awaiting: z.array(LifecycleTriggerSchema).min(1).max(LIFECYCLE_TRIGGERS.length),
    // SendTaskSuccess accepts tokens of 1–2,048 characters.
    taskToken: z.string().min(1).max(2_048),
    ttlSeconds: z.number().int().positive(),
  }),
  {
    response: z.object({
      orderId: OrderIdSchema,
      awaiting: z.array(LifecycleTriggerSchema),
      /** Tokens of an earlier wait of this order that were still stored, now removed. */
      cleared: z.array(z.string()),
      /** The trigger, recorded before the wait was parked, that resumed it at once. */
      resumedBy: LifecycleTriggerSchema.optional(),
    }),
  },
);

/**
 * What a waiting lifecycle state receives (the SendTaskSuccess output, at `$.signal`): which trigger
 * arrived, its event id (the causation id of the OrderStateChanged that follows) and its payload.
 */
export const LifecycleSignalSchema = z.object({
  trigger: LifecycleTriggerSchema,
  eventId: z.string().min(1).max(128),
  receivedAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type LifecycleSignal = z.infer<typeof LifecycleSignalSchema>;
