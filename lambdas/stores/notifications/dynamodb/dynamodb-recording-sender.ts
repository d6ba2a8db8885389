import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Notification,
  NotificationSchema,
} from '../../../contracts/notification/notification-messages.js';
import {
  NOTIFICATIONS_ATTRIBUTES as A,
  NOTIFICATIONS_INDEXES,
} from '../../../contracts/tables/notifications-table.js';
import { CorruptItemError, StoreUnavailableError } from '../../store-errors.js';
import type { NotificationSenderPort } from '../notification-sender-port.js';

export interface DynamoDbRecordingSenderOptions {
  readonly documentClient: DynamoDBDocumentClient;
  /** The deployed notifications table (`process.env[NOTIFICATIONS_TABLE.envVar]`). */
  readonly tableName: string;
}

/**
 * The default notification adapter on DynamoDB: records what would be sent (see `NOTIFICATIONS_TABLE`) and
 * sends nothing. A record is created once per id (`attribute_not_exists`); listings read the `byRecipient`
 * and `byOrder` GSIs, oldest first (eventually consistent).
 * IAM: dynamodb:PutItem, GetItem on the table, Query on both indexes.
 *
 * @example
 * ```ts
 * const sender = new DynamoDbRecordingSender({ documentClient, tableName: process.env[NOTIFICATIONS_TABLE.envVar] ?? '' });
 * ```
 */
export class DynamoDbRecordingSender implements NotificationSenderPort {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(options: DynamoDbRecordingSenderOptions) {
    this.#client = options.documentClient;
    this.#table = options.tableName;
  }

  async send(notification: Notification): Promise<{ created: boolean; notification: Notification }> {
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#table,
          Item: toItem(notification),
          // One record per notification id: a repeated step does not say the same thing twice.
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': A.pk },
        }),
      );
      return { created: true, notification };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) {
        throw new StoreUnavailableError('notifications', 'send', { cause: error });
      }
    }
    const { Item } = await this.#call('send', () =>
      this.#client.send(
        new GetCommand({ TableName: this.#table, Key: { [A.pk]: notification.id }, ConsistentRead: true }),
      ),
    );
    return { created: false, notification: Item === undefined ? notification : fromItem(Item) };
  }

  async listByRecipient(recipient: string, limit: number): Promise<Notification[]> {
    return this.#query(NOTIFICATIONS_INDEXES.byRecipient, A.recipient, recipient, limit);
  }

  async listByOrder(orderId: string, limit: number): Promise<Notification[]> {
    return this.#query(NOTIFICATIONS_INDEXES.byOrder, A.orderId, orderId, limit);
  }

  async #query(indexName: string, attribute: string, value: string, limit: number): Promise<Notification[]> {
    const page = await this.#call('list', () =>
      this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          IndexName: indexName,
          KeyConditionExpression: '#key = :value',
          ExpressionAttributeNames: { '#key': attribute },
          ExpressionAttributeValues: { ':value': value },
          Limit: limit,
        }),
      ),
    );
    return (page.Items ?? []).map(fromItem);
  }

  async #call<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw new StoreUnavailableError('notifications', operation, { cause: error });
    }
  }
}

const toItem = (n: Notification): Record<string, unknown> => ({
  [A.pk]: n.id,
  [A.channel]: n.channel,
  [A.recipient]: n.recipient,
  [A.kind]: n.kind,
  [A.body]: n.body,
  [A.sentAt]: n.sentAt,
  [A.sentAtId]: `${n.sentAt}#${n.id}`,
  ...(n.userId === undefined ? {} : { [A.userId]: n.userId }),
  ...(n.orderId === undefined ? {} : { [A.orderId]: n.orderId }),
  ...(n.subject === undefined ? {} : { [A.subject]: n.subject }),
});

const fromItem = (item: Record<string, unknown>): Notification => {
  const optional = (name: string) => (item[name] === undefined ? {} : { [name]: item[name] });
  const parsed = NotificationSchema.safeParse({
    id: item[A.pk],
    channel: item[A.channel],
    recipient: item[A.recipient],
    kind: item[A.kind],
    body: item[A.body],
    sentAt: item[A.sentAt],
    ...optional(A.userId),
    ...optional(A.orderId),
    ...optional(A.subject),
  });
  if (!parsed.success) throw new CorruptItemError('notifications', String(item[A.pk]), parsed.error.message);
  return parsed.data;
};
