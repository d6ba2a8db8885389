import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { TASK_TOKEN_ATTRIBUTES as A } from '../../../contracts/tables/task-token-table.js';
import { TaskTokenNotFoundError, TaskTokenStoreUnavailableError } from '../task-token-error.js';
import { assertOrderId, assertTokenKey, validateTaskTokenPut } from '../task-token-input.js';
import type { AwaitedTrigger, TaskTokenPut, TaskTokenStore } from '../task-token-store.js';

export interface DynamoDbTaskTokenStoreOptions {
  readonly documentClient: DynamoDBDocumentClient;
  /** The deployed task-token table (`process.env[TASK_TOKEN_TABLE.envVar]`). */
  readonly tableName: string;
  /**
   * Items per Query page (`Limit`). Default: DynamoDB's own 1 MB pages. Small pages are for tests, to
   * exercise pagination without megabytes of data (DynamoDB Local does not enforce the 1 MB page limit).
   */
  readonly queryPageSize?: number;
  /** Epoch milliseconds; inject a fake clock to test expiry without waiting. */
  readonly now?: () => number;
}

/**
 * Task tokens on DynamoDB: one item per (`orderId` partition, `trigger` sort key) with the token and an
 * `expiresAt` TTL. `take` is a single conditional DeleteItem returning the old item, so exactly one caller
 * gets a token; `peek` is one Query per order. IAM: dynamodb:PutItem, DeleteItem, Query on the table.
 *
 * @example
 * ```ts
 * const store = new DynamoDbTaskTokenStore({ documentClient, tableName: process.env[TASK_TOKEN_TABLE.envVar] ?? '' });
 * ```
 */
export class DynamoDbTaskTokenStore implements TaskTokenStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;
  readonly #queryPageSize: number | undefined;
  readonly #now: () => number;

  constructor(options: DynamoDbTaskTokenStoreOptions) {
    this.#client = options.documentClient;
    this.#tableName = options.tableName;
    this.#queryPageSize = options.queryPageSize;
    this.#now = options.now ?? Date.now;
  }

  async put(entry: TaskTokenPut): Promise<void> {
    const expiresAt = validateTaskTokenPut(entry, this.#now());
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#tableName,
          Item: {
            [A.orderId]: entry.orderId,
            [A.trigger]: entry.trigger,
            [A.token]: entry.token,
            [A.expiresAt]: expiresAt,
          },
        }),
      );
    } catch (error) {
      throw new TaskTokenStoreUnavailableError('put', { cause: error });
    }
  }

  async take(orderId: string, trigger: string): Promise<string> {
    assertTokenKey(orderId, trigger);
    let attributes: Record<string, unknown> | undefined;
    try {
      const result = await this.#client.send(
        new DeleteCommand({
          TableName: this.#tableName,
          Key: { [A.orderId]: orderId, [A.trigger]: trigger },
          // Deleting and reading in one conditional call is what makes the token single-use: of two racing
          // takes only one finds the item. The expiry check matters because TTL deletes up to ~48 h late.
          ConditionExpression: 'attribute_exists(#trigger) AND #expiresAt > :now',
          ExpressionAttributeNames: { '#trigger': A.trigger, '#expiresAt': A.expiresAt },
          ExpressionAttributeValues: { ':now': this.#now() / 1000 },
          ReturnValues: 'ALL_OLD',
        }),
      );
      attributes = result.Attributes;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) {
        throw new TaskTokenStoreUnavailableError('take', { cause: error });
      }
      const awaited = await this.peek(orderId);
      throw new TaskTokenNotFoundError(
        orderId,
        trigger,
        awaited.map((entry) => entry.trigger),
        { cause: error },
      );
    }
    const token = attributes?.[A.token];
    if (typeof token !== 'string') {
      throw new TaskTokenStoreUnavailableError('take', {
        cause: new Error(`item ${orderId}/${trigger} has no string "${A.token}"`),
      });
    }
    return token;
  }

  async peek(orderId: string): Promise<AwaitedTrigger[]> {
    assertOrderId(orderId);
    const awaited: AwaitedTrigger[] = [];
    let exclusiveStartKey: Record<string, unknown> | undefined;
    try {
      do {
        const page = await this.#client.send(
          new QueryCommand({
            TableName: this.#tableName,
            KeyConditionExpression: '#orderId = :orderId',
            // Expired items linger until TTL removes them; they are not awaited any more.
            FilterExpression: '#expiresAt > :now',
            // Tokens are credentials for the execution: a listing never reads them.
            ProjectionExpression: '#trigger, #expiresAt',
            ExpressionAttributeNames: {
              '#orderId': A.orderId,
              '#trigger': A.trigger,
              '#expiresAt': A.expiresAt,
            },
            ExpressionAttributeValues: { ':orderId': orderId, ':now': this.#now() / 1000 },
            ConsistentRead: true,
            ExclusiveStartKey: exclusiveStartKey,
            Limit: this.#queryPageSize,
          }),
        );
        for (const item of page.Items ?? []) {
          awaited.push({ trigger: String(item[A.trigger]), expiresAt: Number(item[A.expiresAt]) });
        }
        exclusiveStartKey = page.LastEvaluatedKey;
      } while (exclusiveStartKey !== undefined);
    } catch (error) {
      throw new TaskTokenStoreUnavailableError('peek', { cause: error });
    }
    return awaited;
  }
}
