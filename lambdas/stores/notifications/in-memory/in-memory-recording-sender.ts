import type { Notification } from '../../../contracts/notification/notification-messages.js';
import type { NotificationSenderPort } from '../notification-sender-port.js';

const bySentAt = (a: Notification, b: Notification): number =>
  a.sentAt === b.sentAt ? (a.id < b.id ? -1 : 1) : a.sentAt < b.sentAt ? -1 : 1;

/**
 * Records notifications in process memory and sends nothing (tests, `npm start`).
 *
 * @example
 * ```ts
 * const sender = new InMemoryRecordingSender();
 * await sender.listByOrder('o-1', 10);
 * ```
 */
export class InMemoryRecordingSender implements NotificationSenderPort {
  readonly #sent = new Map<string, Notification>();

  async send(notification: Notification): Promise<{ created: boolean; notification: Notification }> {
    const existing = this.#sent.get(notification.id);
    if (existing) return { created: false, notification: { ...existing } };
    this.#sent.set(notification.id, { ...notification });
    return { created: true, notification: { ...notification } };
  }

  async listByRecipient(recipient: string, limit: number): Promise<Notification[]> {
    return this.#select((n) => n.recipient === recipient, limit);
  }

  async listByOrder(orderId: string, limit: number): Promise<Notification[]> {
    return this.#select((n) => n.orderId === orderId, limit);
  }

  #select(keep: (notification: Notification) => boolean, limit: number): Notification[] {
    return [...this.#sent.values()]
      .filter(keep)
      .sort(bySentAt)
      .slice(0, limit)
      .map((n) => ({ ...n }));
  }
}
