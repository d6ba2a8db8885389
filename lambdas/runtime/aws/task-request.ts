import * as z from 'zod';

/**
 * A Step Functions Task's input to an agent function (`arn:aws:states:::lambda:invoke` with this as
 * `Payload`). The handler's return value is the task's output; its typed errors are thrown, so the state
 * machine's Retry/Catch match them by name. `id` (for example `$$.Execution.Name` plus the state name)
 * makes the task idempotent; without it every attempt runs.
 *
 * @example
 * ```json
 * { "agentbridge": "task", "messageType": "ReserveInventory", "recipient": "inventory/order-42",
 *   "data": { "sku": "A", "quantity": 1 }, "id": "order-42:ReserveInventory" }
 * ```
 */
export const TaskRequestSchema = z.object({
  agentbridge: z.literal('task'),
  messageType: z.string().min(1).max(128),
  recipient: z.string().min(3).max(1024),
  data: z.unknown(),
  id: z.string().min(1).max(128).optional(),
  correlationId: z.string().min(1).max(128).optional(),
});
export type TaskRequest = z.infer<typeof TaskRequestSchema>;
