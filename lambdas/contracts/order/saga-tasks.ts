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
 * The order saga's tasks, one message type per Step Functions Task. Each is an rpc to one agent
 * (`send`, or a Step Functions `lambda:invoke` task request): the request schema is the task's input, the
 * response schema its output. Every request carries `sagaId` (the execution id) and `orderId` (the execution
 * name); each step is idempotent per (sagaId, step): a repeated task returns the recorded result, and the
 * compensations (ReleaseInventory, RefundPayment) succeed as no-ops when there is nothing to undo.
 *
 * Business failures are thrown as typed errors whose `name` Step Functions catches (see
 * `saga-task-errors.ts`); anything else is transient and retried.
 *
 * @example
 * ```ts
 * const reply = await runtime.send(ReserveInventory, { sagaId, orderId, items }, new AgentId('inventory', orderId));
 * ```
 */
const SagaIdSchema = z.string().min(1).max(256);
const StepKey = { sagaId: SagaIdSchema, orderId: OrderIdSchema };

/** An order line as the inventory sees it (price is the payment's concern). */
export const StockLineSchema = z.object({
  sku: OrderLineSchema.shape.sku,
  quantity: OrderLineSchema.shape.quantity,
});
export type StockLine = z.infer<typeof StockLineSchema>;

/** users agent: the user exists and is not deleted. Throws `UserInvalidError`. */
export const ValidateUser = defineMessage('ValidateUser', z.object({ ...StepKey, userId: UserIdSchema }), {
  response: z.object({
    userId: UserIdSchema,
    email: z.string(),
    name: z.string(),
    version: z.number().int(),
  }),
});

/** inventory agent: every line is available now (reads only). Throws `InsufficientStockError`. */
export const CheckInventory = defineMessage(
  'CheckInventory',
  z.object({ ...StepKey, items: z.array(StockLineSchema).min(1).max(50) }),
  {
    response: z.object({
      available: z.literal(true),
      lines: z.array(z.object({ sku: z.string(), requested: z.number().int(), available: z.number().int() })),
    }),
  },
);

/**
 * inventory agent: decrements stock for every line (never below zero), all or nothing, recording a
 * reservation under (sagaId). Throws `InsufficientStockError` when stock ran out since the check.
 */
export const ReserveInventory = defineMessage(
  'ReserveInventory',
  z.object({ ...StepKey, items: z.array(StockLineSchema).min(1).max(50) }),
  {
    response: z.object({
      reservationId: z.string(),
      items: z.array(StockLineSchema),
      reservedAt: z.string(),
    }),
  },
);

/** inventory agent, compensation: puts a saga's reserved stock back; unknown reservation → `released: false`. */
export const ReleaseInventory = defineMessage('ReleaseInventory', z.object(StepKey), {
  response: z.object({ released: z.boolean(), items: z.array(StockLineSchema) }),
});

/**
 * payment agent: charges the order total (sum of quantity × unitPrice, see `orderTotal`). Throws
 * `PaymentDeclinedError` under the documented decline rule (card token `tok_decline`, or an amount over
 * 1,000,000 minor units).
 */
export const ChargePayment = defineMessage(
  'ChargePayment',
  z.object({
    ...StepKey,
    userId: UserIdSchema,
    items: z.array(OrderLineSchema).min(1).max(50),
    payment: PaymentMethodSchema,
  }),
  { response: z.object({ paymentId: z.string(), amount: MinorUnitsSchema, chargedAt: z.string() }) },
);

/** payment agent, compensation: refunds the saga's charge; never charged → `refunded: false`. */
export const RefundPayment = defineMessage('RefundPayment', z.object(StepKey), {
  response: z.object({ refunded: z.boolean(), paymentId: z.string().optional(), amount: MinorUnitsSchema }),
});

/** orders agent: starts the event-sourced order (OrderCreated). Throws `OrderAlreadyExistsError`. */
export const CreateOrder = defineMessage(
  'CreateOrder',
  z.object({
    ...StepKey,
    userId: UserIdSchema,
    items: z.array(OrderLineSchema).min(1).max(50),
    amount: MinorUnitsSchema,
    paymentId: z.string().min(1),
  }),
  { response: z.object({ orderId: OrderIdSchema, state: z.literal('created'), version: z.number().int() }) },
);

/** Every saga task by name: the step names of idempotency keys and the Task state names of the saga. */
export const SAGA_TASKS = {
  ValidateUser,
  CheckInventory,
  ReserveInventory,
  ReleaseInventory,
  ChargePayment,
  RefundPayment,
  CreateOrder,
} as const;
export type SagaTaskName = keyof typeof SAGA_TASKS;
