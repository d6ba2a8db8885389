import { z } from 'zod';
import { OrderRequested, SagaStepSchema } from './order-messages.js';
import { MinorUnitsSchema, OrderIdSchema } from './order-values.js';

/**
 * The agent type of the saga starter (its function, and its subscriptions' target): it turns each
 * OrderRequested into `StartExecution({ name: orderId })` of `order-saga`.
 */
export const SAGA_STARTER_AGENT_TYPE = 'saga-starter';

/**
 * The input of an `order-saga` execution: an `OrderRequested` payload. The saga starter validates it and
 * calls `StartExecution({ name: orderId, input })`.
 */
export const OrderSagaInputSchema = OrderRequested.schema;
export type OrderSagaInput = z.infer<typeof OrderSagaInputSchema>;

/**
 * How a saga execution that SUCCEEDED ended (seed 1.1 returns `{ success, orderId, sagaId }`).
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
  /** A compensation could not run: money or stock may be held. Needs an operator. */
  compensationFailed: 'OrderSagaCompensationFailed',
  /** The order exists but its lifecycle could not be started. */
  lifecycleNotStarted: 'OrderLifecycleNotStarted',
  /** OrderCompleted / OrderFailed could not be put on the bus. */
  notPublished: 'OrderOutcomeNotPublished',
} as const;
