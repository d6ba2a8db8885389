import { readModelContacts } from '../agents/notification/contact-directory.js';
import { NOTIFICATION_AGENT } from '../agents/notification/notification-declaration.js';
import { notificationTasks } from '../agents/notification/notification-tasks.js';
import { NOTIFICATIONS_TABLE } from '../contracts/tables/notifications-table.js';
import { USERS_TABLE } from '../contracts/tables/users-table.js';
import { agentHandler } from '../runtime/lambda/agent-handler.js';
import { DynamoDbRecordingSender } from '../stores/notifications/dynamodb/dynamodb-recording-sender.js';
import { DynamoDbUserReadModel } from '../stores/users/dynamodb/dynamodb-user-read-model.js';
import { agentFunctionWiring } from './agent-function-wiring.js';

/**
 * The notification agent's Lambda function: the lifecycle's SendShippingNotification and ListNotifications.
 * It records what would be sent and sends nothing; contact details come from the users read model (see
 * {@link NOTIFICATION_AGENT}).
 */
const wiring = agentFunctionWiring(NOTIFICATION_AGENT.agentType);
const { documentClient } = wiring;
const sender = new DynamoDbRecordingSender({
  documentClient,
  tableName: wiring.tableName(NOTIFICATIONS_TABLE),
});
const contacts = readModelContacts(
  new DynamoDbUserReadModel({ documentClient, tableName: wiring.tableName(USERS_TABLE) }),
);

export const handler = agentHandler(
  NOTIFICATION_AGENT,
  { tasks: notificationTasks({ sender, contacts }) },
  wiring.deps,
);
