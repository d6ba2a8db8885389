import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  USERS_ATTRIBUTES as A,
  USERS_LIST_INDEX,
  USERS_LIST_PARTITIONS,
  USERS_SORT_KEYS,
  userKey,
} from '../../../contracts/tables/users-table.js';
import { type UserView, UserViewSchema } from '../../../contracts/users/user-values.js';
import { CorruptItemError, StoreUnavailableError } from '../../store-errors.js';
import { decodeListCursor, encodeListCursor } from '../list-cursor.js';
import type { UserListOptions, UserPage, UserReadModelPort } from '../user-read-model-port.js';

export interface DynamoDbUserReadModelOptions {
  readonly documentClient: DynamoDBDocumentClient;
  /** The deployed users table (`process.env[USERS_TABLE.envVar]`). */
  readonly tableName: string;
}

const profileKey = (userId: string) => ({ [A.pk]: userKey(userId), [A.sk]: USERS_SORT_KEYS.profile });

/**
 * The user read model on DynamoDB (see `USERS_TABLE`): one `profile` item per user whose `version` is the
 * projection's checkpoint, advanced only by a write conditioned on the version it was read at. `get` is
 * strongly consistent; `list` reads the `list` GSI (eventually consistent, ordered by user id).
 * IAM: dynamodb:GetItem, PutItem on the table, Query on the `list` index.
 *
 * @example
 * ```ts
 * const readModel = new DynamoDbUserReadModel({ documentClient, tableName: process.env[USERS_TABLE.envVar] ?? '' });
 * ```
 */
export class DynamoDbUserReadModel implements UserReadModelPort {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(options: DynamoDbUserReadModelOptions) {
    this.#client = options.documentClient;
    this.#table = options.tableName;
  }

  async get(userId: string): Promise<UserView | undefined> {
    const { Item } = await this.#call('get', () =>
      this.#client.send(
        new GetCommand({ TableName: this.#table, Key: profileKey(userId), ConsistentRead: true }),
      ),
    );
    return Item === undefined ? undefined : fromItem(Item);
  }

  async save(view: UserView, expectedVersion: number): Promise<boolean> {
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#table,
          Item: toItem(view),
          // The checkpoint moves only from the version this projection read: concurrent catch-ups cannot
          // overwrite a newer row with an older fold.
          ...(expectedVersion === 0
            ? { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': A.pk } }
            : {
                ConditionExpression: '#version = :expected',
                ExpressionAttributeNames: { '#version': A.version },
                ExpressionAttributeValues: { ':expected': expectedVersion },
              }),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw new StoreUnavailableError('users', 'save', { cause: error });
    }
  }

  async replace(view: UserView): Promise<void> {
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#table,
          Item: toItem(view),
          // A rebuild racing a live catch-up must not overwrite the newer row with its older fold.
          ConditionExpression: 'attribute_not_exists(#pk) OR #version <= :version',
          ExpressionAttributeNames: { '#pk': A.pk, '#version': A.version },
          ExpressionAttributeValues: { ':version': view.version },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException))
        throw new StoreUnavailableError('users', 'replace', { cause: error });
    }
  }

  async list(options: UserListOptions): Promise<UserPage> {
    const listing = USERS_LIST_PARTITIONS.profile;
    let start = options.cursor === undefined ? undefined : decodeListCursor(listing, options.cursor);
    const users: UserView[] = [];
    // A status filter applies after `Limit`, so keep reading until the page is full or the index ends.
    do {
      const page = await this.#call('list', () =>
        this.#client.send(
          new QueryCommand({
            TableName: this.#table,
            IndexName: USERS_LIST_INDEX,
            KeyConditionExpression: '#listPk = :listPk',
            ...(options.status === undefined
              ? {
                  ExpressionAttributeNames: { '#listPk': A.listPk },
                  ExpressionAttributeValues: { ':listPk': listing },
                }
              : {
                  FilterExpression: '#status = :status',
                  ExpressionAttributeNames: { '#listPk': A.listPk, '#status': A.status },
                  ExpressionAttributeValues: { ':listPk': listing, ':status': options.status },
                }),
            Limit: options.limit - users.length,
            ...(start === undefined ? {} : { ExclusiveStartKey: start }),
          }),
        ),
      );
      for (const item of page.Items ?? []) users.push(fromItem(item));
      start = page.LastEvaluatedKey;
    } while (start !== undefined && users.length < options.limit);
    return start === undefined ? { users } : { users, cursor: encodeListCursor(listing, start) };
  }

  async #call<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw new StoreUnavailableError('users', operation, { cause: error });
    }
  }
}

const toItem = (view: UserView): Record<string, unknown> => ({
  ...profileKey(view.userId),
  [A.listPk]: USERS_LIST_PARTITIONS.profile,
  [A.listSk]: view.userId,
  [A.userId]: view.userId,
  [A.email]: view.email,
  [A.name]: view.name,
  ...(view.phone === undefined ? {} : { [A.phone]: view.phone }),
  [A.status]: view.status,
  [A.version]: view.version,
  [A.createdAt]: view.createdAt,
  [A.updatedAt]: view.updatedAt,
});

const fromItem = (item: Record<string, unknown>): UserView => {
  const parsed = UserViewSchema.safeParse({
    userId: item[A.userId],
    email: item[A.email],
    name: item[A.name],
    ...(item[A.phone] === undefined ? {} : { phone: item[A.phone] }),
    status: item[A.status],
    version: item[A.version],
    createdAt: item[A.createdAt],
    updatedAt: item[A.updatedAt],
  });
  if (!parsed.success) throw new CorruptItemError('users', String(item[A.pk]), parsed.error.message);
  return parsed.data;
};
