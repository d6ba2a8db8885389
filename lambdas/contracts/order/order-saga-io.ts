import * as z from 'zod';
import { OrderRequested, SagaStepSchema } from './order-messages.js';
import { MinorUnitsSchema, OrderIdSchema } from './order-values.js';

/**
 * The agent type of the saga starter (its function, and its subscriptions' target): it turns each
 * OrderRequested into `StartExecution({ name: orderId })` of `order-saga`.
 */
export const SAGA_STARTER_AGENT_TYPE = 'saga-starter';

/**
 * The input of an `order-saga` execution: an `OrderRequested` payload plus the order's saga id, which the
 * saga starter records once per order. Every step is idempotent per (sagaId, step), so a repeated start of
 * the same order (Express starts are at-least-once) or a redrive of a parked saga repeats no effect.
 */
export const OrderSagaInputSchema = OrderRequested.schema.and(
  z.object({ sagaId: z.string().min(1).max(128) }),
);
export type OrderSagaInput = z.infer<typeof OrderSagaInputSchema>;

/**
 * How a saga execution that SUCCEEDED ended (`{ success, orderId, sagaId }` and more).
 *
 * A business failure (user invalid, out of stock, payment declined, order id taken) is a normal outcome of
 * placing an order: the saga compensates, publishes OrderFailed and SUCCEEDS with `outcome: 'failed'`. An
 * execution FAILS only when something is broken (retries exhausted, bad input, a compensation or publication
 * that could not run), so the failed-executions alarm means "look at the infrastructure", never "a card was
 * declined".
 */
export const OrderSagaOutputSchema = z.discriminatedUnion('outcome', [
  z.object({
    success: z.literal(true),
    outcome: z.literal('completed'),
    orderId: OrderIdSchema,
    sagaId: z.string(),
    paymentId: z.string(),
    amount: MinorUnitsSchema,
  }),
  z.object({
    success: z.literal(false),
    outcome: z.literal('failed'),
    orderId: OrderIdSchema,
    sagaId: z.string(),
    failedStep: SagaStepSchema,
    error: z.string(),
    compensations: z.array(z.enum(['RefundPayment', 'ReleaseInventory'])),
  }),
]);
export type OrderSagaOutput = z.infer<typeof OrderSagaOutputSchema>;

/** The `Error` of a saga execution that FAILED (see `order-saga.asl.json`'s Fail states). */
export const ORDER_SAGA_FAILURES = {
  /** A step failed for a non-business reason; compensations ran and OrderFailed was published. */
  aborted: 'OrderSagaAborted',
  /**
   * A compensation (refund, release) or a publication (OrderCompleted, OrderFailed) failed after its retries:
   * the saga waits on the parked-saga queue (alarmed) until `npm run saga:redrive` resumes it.
   */
  parked: 'OrderSagaParked',
  /** Parking failed too (the queue refused the saga after its retries): the failed-executions alarm fires. */
  notParked: 'OrderSagaNotParked',
  /** A redriven input named a step the saga cannot resume at. */
  resumeRejected: 'OrderSagaResumeRejected',
} as const;

/** The steps a parked saga resumes at (`resumeAt`): every one idempotent per (sagaId, step). */
export const SagaResumeStepSchema = z.enum([
  'ConfirmLifecycle',
  'RefundPayment',
  'ReleaseInventory',
  'PublishOrderFailed',
  'PublishOrderCompleted',
]);
export type SagaResumeStep = z.infer<typeof SagaResumeStepSchema>;

/**
 * What the saga's ParkSaga state puts on the parked-saga queue: its whole state (without payment details),
 * which is the input a redriven execution resumes from. Only the fields the redrive reads are checked; the
 * rest (results, failure, compensations, the error that parked it) passes through unchanged.
 */
export const ParkedSagaSchema = z.looseObject({
  orderId: OrderIdSchema,
  sagaId: z.string().min(1),
  resumeAt: SagaResumeStepSchema,
  error: z.looseObject({ Error: z.string() }).optional(),
});
export type ParkedSaga = z.infer<typeof ParkedSagaSchema>;
