import type { Notification } from '../../contracts/notification/notification-messages.js';

/**
 * Where notifications go. The default adapters (in-memory, DynamoDB) only RECORD what would be sent and
 * deliver nothing; a real adapter (SES, SNS) would send and record the same way. Queryable by recipient and
 * by order, oldest first. `send` is idempotent per notification id: a repeat records (and would send) once.
 */
export interface NotificationSenderPort {
  /** Records the notification unless its id was recorded; returns the stored one and whether this call wrote it. */
  send(
    notification: Notification,
  ): Promise<{ readonly created: boolean; readonly notification: Notification }>;
  listByRecipient(recipient: string, limit: number): Promise<Notification[]>;
  listByOrder(orderId: string, limit: number): Promise<Notification[]>;
}
