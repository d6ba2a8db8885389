import { readModelContacts } from '../agents/notification/contact-directory.js';
import { notificationAgent } from '../agents/notification/notification-agent.js';
import { notificationTasks } from '../agents/notification/notification-tasks.js';
import { ORDER_AGENT_TYPES } from '../contracts/order/order-agent-types.js';
import { NOTIFICATIONS_TABLE } from '../contracts/tables/notifications-table.js';
import { USERS_TABLE } from '../contracts/tables/users-table.js';
import { agentHandler } from '../runtime/lambda/agent-handler.js';
import { DynamoDbRecordingSender } from '../stores/notifications/dynamodb/dynamodb-recording-sender.js';
import { DynamoDbUserReadModel } from '../stores/users/dynamodb/dynamodb-user-read-model.js';
import { agentFunctionWiring } from './agent-function-wiring.js';

/**
 * The notification agent's Lambda function: the lifecycle's SendShippingNotification and ListNotifications.
 * It records what would be sent and sends nothing. Tables: notifications (read/write), users (read only:
 * contact details from the read model).
 */
const wiring = agentFunctionWiring(ORDER_AGENT_TYPES.notification);
const { documentClient } = wiring;
const sender = new DynamoDbRecordingSender({
  documentClient,
  tableName: wiring.tableName(NOTIFICATIONS_TABLE),
});
const contacts = readModelContacts(
  new DynamoDbUserReadModel({ documentClient, tableName: wiring.tableName(USERS_TABLE) }),
);

export const handler = agentHandler({
  agentType: ORDER_AGENT_TYPES.notification,
  definition: notificationAgent(notificationTasks({ sender, contacts })),
  deps: wiring.deps,
});
