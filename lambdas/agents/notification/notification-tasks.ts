import { type Clock, systemClock } from '../../contracts/clock.js';
import type { MessageOf, ResponseOf } from '../../contracts/message-type.js';
import type { ListNotifications, Notification } from '../../contracts/notification/notification-messages.js';
import type { SendShippingNotification } from '../../contracts/order/fulfilment-tasks.js';
import type { NotificationSenderPort } from '../../stores/notifications/notification-sender-port.js';
import type { ContactDirectory } from './contact-directory.js';
import { RecipientUnknownError } from './notification-error.js';

export interface NotificationDeps {
  readonly sender: NotificationSenderPort;
  readonly contacts: ContactDirectory;
  readonly clock?: Clock;
}

export interface NotificationTasks {
  sendShippingNotification(
    input: MessageOf<typeof SendShippingNotification>,
  ): Promise<ResponseOf<typeof SendShippingNotification>>;
  list(query: MessageOf<typeof ListNotifications>): Promise<ResponseOf<typeof ListNotifications>>;
}

/**
 * The notification agent. The shipping notification (shipped → notify with the tracking number)
 * goes by email, and by SMS when the user has a phone number. Ids are `<orderId>:shipped:<channel>`, so a
 * repeated step records (and would send) each message once.
 *
 * @example
 * ```ts
 * const tasks = notificationTasks({ sender: new InMemoryRecordingSender(), contacts });
 * await tasks.sendShippingNotification({ orderId: 'o-1', userId: 'u-1', trackingNumber: '1Z999' });
 * ```
 */
export function notificationTasks(deps: NotificationDeps): NotificationTasks {
  const now = (): string => new Date((deps.clock ?? systemClock).now()).toISOString();
  const { sender, contacts } = deps;

  return {
    async sendShippingNotification({ orderId, userId, trackingNumber }) {
      const contact = await contacts.contactFor(userId);
      if (contact === undefined) throw new RecipientUnknownError(userId);
      const sentAt = now();
      const base = { userId, orderId, kind: 'order-shipped', sentAt };
      const messages: Notification[] = [
        {
          ...base,
          id: `${orderId}:shipped:email`,
          channel: 'email',
          recipient: contact.email,
          subject: `Your order ${orderId} has shipped`,
          body: `Your order ${orderId} is on its way. Tracking number: ${trackingNumber}.`,
        },
      ];
      if (contact.phone !== undefined) {
        messages.push({
          ...base,
          id: `${orderId}:shipped:sms`,
          channel: 'sms',
          recipient: contact.phone,
          body: `Order ${orderId} shipped. Tracking: ${trackingNumber}`,
        });
      }
      for (const message of messages) await sender.send(message);
      return { notificationIds: messages.map((message) => message.id) };
    },

    async list(query) {
      const notifications =
        'orderId' in query
          ? await sender.listByOrder(query.orderId, query.limit)
          : await sender.listByRecipient(query.recipient, query.limit);
      return { notifications };
    },
  };
}
