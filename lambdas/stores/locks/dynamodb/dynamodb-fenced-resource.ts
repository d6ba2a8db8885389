import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { FencedResource, FencedValue } from '../fenced-resource-port.js';
import {
  FENCED_WRITE_SET_ACTION,
  fencedWriteCondition,
  LAST_FENCING_TOKEN_ATTRIBUTE,
} from '../fenced-write-condition.js';
import { StaleFencingTokenError } from '../lock-error.js';

export interface DynamoDbFencedResourceOptions {
  readonly tableName: string;
  /** The item key of a named record in that table, e.g. `(name) => ({ pk: name, sk: 'record' })`. */
  readonly key: (name: string) => Record<string, string>;
  /** Attribute holding the value. Default `value`. */
  readonly valueAttribute?: string;
}

/**
 * A fenced resource on any DynamoDB table: one UpdateItem per write, guarded by `fencedWriteCondition`, so
 * the token check and the write are one atomic step. IAM: `dynamodb:UpdateItem`, `dynamodb:GetItem`.
 *
 * @example
 * ```ts
 * const records = new DynamoDbFencedResource(documentClient, { tableName, key: (name) => ({ pk: name }) });
 * await records.write('stock/sku-1', lock.fencingToken, '7'); // StaleFencingTokenError once a newer holder wrote
 * ```
 */
export class DynamoDbFencedResource implements FencedResource {
  readonly #client: DynamoDBDocumentClient;
  readonly #options: DynamoDbFencedResourceOptions;

  constructor(client: DynamoDBDocumentClient, options: DynamoDbFencedResourceOptions) {
    this.#client = client;
    this.#options = options;
  }

  async write(name: string, fencingToken: number, value: string): Promise<void> {
    const fence = fencedWriteCondition(fencingToken);
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#options.tableName,
          Key: this.#options.key(name),
          UpdateExpression: `SET #value = :value, ${FENCED_WRITE_SET_ACTION}`,
          ConditionExpression: fence.ConditionExpression,
          ExpressionAttributeNames: { '#value': this.#valueAttribute, ...fence.ExpressionAttributeNames },
          ExpressionAttributeValues: { ':value': value, ...fence.ExpressionAttributeValues },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const current = await this.read(name);
      throw new StaleFencingTokenError(name, fencingToken, current?.lastFencingToken, { cause: error });
    }
  }

  async read(name: string): Promise<FencedValue | undefined> {
    const { Item } = await this.#client.send(
      new GetCommand({
        TableName: this.#options.tableName,
        Key: this.#options.key(name),
        ConsistentRead: true,
      }),
    );
    const value = Item?.[this.#valueAttribute];
    const lastFencingToken = Item?.[LAST_FENCING_TOKEN_ATTRIBUTE];
    if (typeof value !== 'string' || typeof lastFencingToken !== 'number') return undefined;
    return { value, lastFencingToken };
  }

  get #valueAttribute(): string {
    return this.#options.valueAttribute ?? 'value';
  }
}
