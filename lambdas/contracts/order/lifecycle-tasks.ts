import * as z from 'zod';
import { defineMessage } from '../message-type.js';
import { StateEntrySchema } from './lifecycle-entry.js';
import { LIFECYCLE_TRIGGERS, LifecycleTriggerSchema, OrderStateSchema } from './lifecycle-messages.js';
import { MinorUnitsSchema, OrderIdSchema, UserIdSchema } from './order-values.js';

/** The agent type of the lifecycle agent (its function, and the `source` suffix of what it publishes). */
export const LIFECYCLE_AGENT_TYPE = 'lifecycle';

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
 * The "await trigger" task (`lambda:invoke.waitForTaskToken`): the lifecycle agent first enters the wait's
 * state when `entry` says how the order got there (the previous wait's signal: record, publish, post-transition
 * action; see `StateEntrySchema`), then parks `taskToken` under (orderId, trigger) for every awaited trigger,
 * with `ttlSeconds` as the items' lifetime, and answers at once. The execution resumes when a trigger's handler
 * sends the token back (SendTaskFailure `OrderCancelled` for a cancellation), or at once when a trigger it
 * awaits was recorded before the wait was parked. A failed entry fails the task: its Retry, then its Catch.
 *
 * @example
 * ```json
 * { "orderId": "o-1", "state": "paid", "awaiting": ["ProcessingStarted", "OrderCancelled"],
 *   "taskToken": "AAAA…", "ttlSeconds": 172800,
 *   "entry": { "orderId": "o-1", "sagaId": "s-1", "userId": "u-1", "from": "created", "to": "paid", "signal": { … } } }
 * ```
 */
export const AwaitLifecycleTrigger = defineMessage(
  'AwaitLifecycleTrigger',
  z
    .object({
      orderId: OrderIdSchema,
      state: OrderStateSchema,
      awaiting: z.array(LifecycleTriggerSchema).min(1).max(LIFECYCLE_TRIGGERS.length),
      // SendTaskSuccess accepts tokens of 1–2,048 characters.
      taskToken: z.string().min(1).max(2_048),
      ttlSeconds: z.number().int().positive(),
      entry: StateEntrySchema.optional(),
    })
    .refine(
      (task) =>
        task.entry === undefined || (task.entry.to === task.state && task.entry.orderId === task.orderId),
      { message: 'entry must enter the state this wait is in, for the same order', path: ['entry'] },
    ),
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
