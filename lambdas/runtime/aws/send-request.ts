import * as z from 'zod';
import { MessageMetadataSchema } from '../../contracts/envelope.js';

/**
 * The payload of the Lambda Invoke behind `send`: the same `{ metadata, data }` as an EventBridge detail, plus
 * the recipient (`type/key`) and the caller's deadline in epoch milliseconds, so the handler's `ctx.signal`
 * aborts when the caller stops waiting. For a send, `metadata.topicType`/`topicSource` are the recipient's
 * type and key (the "topic" of a direct message is its recipient).
 *
 * @example
 * ```json
 * { "agentbridge": "send", "recipient": "payment/order-42", "deadline": 1767225600000,
 *   "metadata": { "id": "…", "type": "ProcessPayment", … }, "data": { "amount": 10 } }
 * ```
 */
export const SendRequestSchema = z.object({
  agentbridge: z.literal('send'),
  recipient: z.string().min(3).max(1024),
  metadata: MessageMetadataSchema,
  data: z.unknown(),
  deadline: z.number().int().positive(),
});
export type SendRequest = z.infer<typeof SendRequestSchema>;
