import * as z from 'zod';
import { defineMessage } from '../message-type.js';
import { OrderIdSchema, UserIdSchema } from '../order/order-values.js';

export const NotificationChannelSchema = z.enum(['email', 'sms']);
export type NotificationChannel = z.infer<typeof NotificationChannelSchema>;

/** A notification as recorded: what would have been sent, to whom, about what. */
export const NotificationSchema = z.object({
  /** Deterministic per purpose (e.g. `<orderId>:shipped:email`): a repeat is recorded once. */
  id: z.string().min(1).max(256),
  channel: NotificationChannelSchema,
  /** An email address or an E.164 phone number. */
  recipient: z.string().min(1).max(254),
  userId: UserIdSchema.optional(),
  orderId: OrderIdSchema.optional(),
  /** What it is about, e.g. `order-shipped`. */
  kind: z.string().min(1).max(64),
  /** Email only. */
  subject: z.string().max(200).optional(),
  body: z.string().min(1).max(4_000),
  sentAt: z.string(),
});
export type Notification = z.infer<typeof NotificationSchema>;

/**
 * Lists what was sent to a recipient or about an order, oldest first.
 *
 * @example
 * ```ts
 * await runtime.send(ListNotifications, { orderId: 'o-1' }, new AgentId('notification', 'default'));
 * ```
 */
export const ListNotifications = defineMessage(
  'ListNotifications',
  z.union([
    z.object({ recipient: z.string().min(1).max(254), limit: z.number().int().min(1).max(100).default(50) }),
    z.object({ orderId: OrderIdSchema, limit: z.number().int().min(1).max(100).default(50) }),
  ]),
  { response: z.object({ notifications: z.array(NotificationSchema) }) },
);
