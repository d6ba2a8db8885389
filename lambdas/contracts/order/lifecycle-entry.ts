import * as z from 'zod';
import { defineMessage } from '../message-type.js';
import { LifecycleTriggerSchema, OrderStateSchema } from './lifecycle-messages.js';
import { OrderIdSchema, UserIdSchema } from './order-values.js';

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

/**
 * What entering a lifecycle state takes: the order, the state it leaves (`from`) and enters (`to`), and the
 * signal of the trigger that moved it (the resumed wait's output). The lifecycle agent records the transition
 * (orders agent), publishes OrderStateChanged and runs the state's post-transition action (paid: inventory
 * starts processing; shipped: the customer is notified), each safe to repeat. Step Functions counts one state
 * transition for all of it: the entry travels with the next wait's task, or, for `delivered`, the one
 * {@link EnterOrderState} task at the end.
 *
 * @example
 * ```json
 * { "orderId": "o-1", "sagaId": "s-1", "userId": "u-1", "from": "created", "to": "paid",
 *   "signal": { "trigger": "PaymentCompleted", "eventId": "e-1", "receivedAt": "…", "data": { … } } }
 * ```
 */
export const StateEntrySchema = z.object({
  orderId: OrderIdSchema,
  sagaId: z.string().min(1).max(256),
  userId: UserIdSchema,
  from: OrderStateSchema,
  to: OrderStateSchema.exclude(['created']),
  signal: LifecycleSignalSchema,
});
export type StateEntry = z.infer<typeof StateEntrySchema>;

/** What entering a state did: whether the transition was new (`changed`), and the order stream's version. */
export const StateEntryResultSchema = z.object({
  orderId: OrderIdSchema,
  state: OrderStateSchema,
  version: z.number().int(),
  changed: z.boolean(),
});
export type StateEntryResult = z.infer<typeof StateEntryResultSchema>;

/**
 * The lifecycle's last task (`lambda:invoke`): enters `delivered` after the delivery wait, as every earlier
 * state is entered by the task of the wait that follows it.
 */
export const EnterOrderState = defineMessage('EnterOrderState', StateEntrySchema, {
  response: StateEntryResultSchema,
});

/**
 * The error name the lifecycle agent fails a wait with when OrderCancelled resumes it (SendTaskFailure): the
 * wait's Catch sends the execution to its compensation, with no Choice state on the way.
 */
export const ORDER_CANCELLED_ERROR = 'OrderCancelled';

/**
 * The `Cause` of that failure, as JSON: the cancellation's reason and the event that cancelled it (the
 * causation id of the OrderStateChanged that follows). The machine parses it (`States.StringToJson`) into the
 * ending its compensation records.
 */
export const CancellationSchema = z.object({
  reason: z.string().max(500),
  causationId: z.string().min(1).max(128),
});
export type Cancellation = z.infer<typeof CancellationSchema>;
