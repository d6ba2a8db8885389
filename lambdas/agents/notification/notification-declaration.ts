import { ORDER_AGENT_TYPES } from '../../contracts/order/order-agent-types.js';
import { ORDER_TABLE_ACTIONS } from '../../contracts/order/order-table-actions.js';
import { agentFunctionTables } from '../../contracts/table-access.js';
import { NOTIFICATIONS_TABLE } from '../../contracts/tables/notifications-table.js';
import { USERS_TABLE } from '../../contracts/tables/users-table.js';
import { declareAgent } from '../../runtime/agent-declaration.js';
import { notificationAgent } from './notification-agent.js';
import type { NotificationTasks } from './notification-tasks.js';

/**
 * The notification agent, declared once for its Lambda function, the stack and the in-process system: the
 * lifecycle's SendShippingNotification and ListNotifications. It records what would be sent (notifications
 * table, read/write) and reads contact details from the users read model. No subscription.
 *
 * @example
 * ```ts
 * await registerAgent(runtime, NOTIFICATION_AGENT, { tasks: notificationTasks({ sender, contacts }) });
 * ```
 */
export const NOTIFICATION_AGENT = declareAgent({
  agentType: ORDER_AGENT_TYPES.notification,
  tables: [
    ...agentFunctionTables(ORDER_AGENT_TYPES.notification),
    { table: NOTIFICATIONS_TABLE, actions: ORDER_TABLE_ACTIONS.notifications },
    // Contact details come from the users read model: one GetItem per notification, nothing else.
    { table: USERS_TABLE, actions: ['dynamodb:GetItem'] },
  ],
  // Nothing publishes to its direct-message topics: an open "<type>:" rule would admit unchecked senders.
  skipDirectMessageSubscription: true,
  define: ({ tasks }: { readonly tasks: NotificationTasks }) => notificationAgent(tasks),
});
