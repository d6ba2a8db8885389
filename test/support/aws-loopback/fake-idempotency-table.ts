import {
  type AttributeValue,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DeleteItemCommandInput,
  DynamoDBClient,
  GetItemCommand,
  type GetItemCommandInput,
  PutItemCommand,
  type PutItemCommandInput,
  UpdateItemCommand,
  type UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { IDEMPOTENCY_ATTRIBUTES } from '../../../lambdas/contracts/tables/idempotency-table.js';

type Item = Record<string, AttributeValue>;

const keyOf = (key: Item | undefined): string => key?.[IDEMPOTENCY_ATTRIBUTES.id]?.S ?? '';
const numberOf = (value: AttributeValue | undefined): number | undefined =>
  value?.N === undefined ? undefined : Number(value.N);

/**
 * The Powertools idempotency table behind a mocked DynamoDBClient (every instance, as aws-sdk-client-mock
 * mocks the class): PutItem with the condition Powertools' `DynamoDBPersistenceLayer` sends (absent, expired,
 * or in progress past its in-progress expiry; otherwise ConditionalCheckFailedException carrying the old
 * item), UpdateItem's `SET #a = :b, …`, GetItem and DeleteItem. Items stay marshalled, as DynamoDB holds them.
 *
 * @example
 * const table = FakeIdempotencyTable.install();
 * // … run a handler using Powertools idempotency …
 * table.statuses(); // ['COMPLETED', …]
 */
export class FakeIdempotencyTable {
  readonly #items = new Map<string, Item>();
  #writes = 0;

  static install(): FakeIdempotencyTable {
    const table = new FakeIdempotencyTable();
    const dynamoDb = mockClient(DynamoDBClient);
    dynamoDb.on(PutItemCommand).callsFake((input: PutItemCommandInput) => table.#put(input));
    dynamoDb.on(UpdateItemCommand).callsFake((input: UpdateItemCommandInput) => table.#update(input));
    dynamoDb.on(GetItemCommand).callsFake((input: GetItemCommandInput) => ({
      Item: table.#items.get(keyOf(input.Key)),
    }));
    dynamoDb.on(DeleteItemCommand).callsFake((input: DeleteItemCommandInput) => {
      table.#writes += 1;
      table.#items.delete(keyOf(input.Key));
      return {};
    });
    return table;
  }

  /** PutItem, UpdateItem and DeleteItem calls so far, the rejected ones included: the writes DynamoDB bills. */
  writes(): number {
    return this.#writes;
  }

  /** The `status` of every record, in insertion order. */
  statuses(): string[] {
    return [...this.#items.values()].map((item) => item.status?.S ?? '');
  }

  #put(input: PutItemCommandInput): object {
    this.#writes += 1;
    const item = input.Item ?? {};
    const existing = this.#items.get(keyOf(item));
    if (existing !== undefined && !replaceable(existing)) {
      throw new ConditionalCheckFailedException({
        message: 'The conditional request failed',
        $metadata: {},
        Item: existing,
      });
    }
    this.#items.set(keyOf(item), item);
    return {};
  }

  #update(input: UpdateItemCommandInput): object {
    this.#writes += 1;
    const key = keyOf(input.Key);
    const item: Item = { ...(this.#items.get(key) ?? input.Key ?? {}) };
    const assignments = (input.UpdateExpression ?? '').replace(/^SET\s+/, '').split(/\s*,\s*/);
    for (const assignment of assignments) {
      const [name, value] = assignment.split(/\s*=\s*/);
      const attribute = input.ExpressionAttributeNames?.[name ?? ''];
      const attributeValue = input.ExpressionAttributeValues?.[value ?? ''];
      if (attribute !== undefined && attributeValue !== undefined) item[attribute] = attributeValue;
    }
    this.#items.set(key, item);
    return {};
  }
}

/** Powertools' PutItem condition: the key is absent, expired, or in progress past its in-progress expiry. */
function replaceable(item: Item): boolean {
  const now = Date.now();
  const expiry = numberOf(item[IDEMPOTENCY_ATTRIBUTES.expiration]);
  if (expiry !== undefined && expiry < now / 1000) return true;
  const inProgressExpiry = numberOf(item.in_progress_expiration);
  return item.status?.S === 'INPROGRESS' && inProgressExpiry !== undefined && inProgressExpiry < now;
}
