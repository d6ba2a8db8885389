import { ListNotifications } from '../../contracts/notification/notification-messages.js';
import { SendShippingNotification } from '../../contracts/order/fulfilment-tasks.js';
import { type AgentDefinition, defineAgent } from '../../runtime/agent-definition.js';
import type { NotificationTasks } from './notification-tasks.js';

/**
 * The notification agent: the lifecycle's shipping notification, and what was sent, by recipient or order.
 *
 * @example
 * ```ts
 * await runtime.register('notification', notificationAgent(notificationTasks({ sender, contacts })));
 * ```
 */
export function notificationAgent(tasks: NotificationTasks): AgentDefinition<undefined> {
  return defineAgent({
    description: 'Notification: records the email/SMS it would send',
    handlers: (on) => [
      on.rpc(SendShippingNotification, (input) => tasks.sendShippingNotification(input)),
      on.rpc(ListNotifications, (query) => tasks.list(query)),
    ],
  });
}
