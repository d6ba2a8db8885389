import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type Clock, systemClock } from '../../../contracts/clock.js';
import { TASK_TOKEN_ATTRIBUTES as A } from '../../../contracts/tables/task-token-table.js';
import { StoreUnavailableError } from '../../store-errors.js';
import {
  assertEventId,
  assertOrderId,
  assertToken,
  assertTokenKey,
  itemKey,
  kindOfKey,
  validateTaskTokenPut,
  validateTriggerRecord,
  validateWaitClaim,
} from '../task-token-input.js';
import type {
  AwaitedTrigger,
  OrderTriggers,
  ParkedWait,
  RecordedTrigger,
  TaskTokenPut,
  TaskTokenStore,
  TriggerRecord,
  WaitClaim,
  WaitClaimPut,
} from '../task-token-store.js';

export interface DynamoDbTaskTokenStoreOptions {
  readonly documentClient: DynamoDBDocumentClient;
  /** The deployed task-token table (`process.env[TASK_TOKEN_TABLE.envVar]`). */
  readonly tableName: string;
  /**
   * Items per Query page (`Limit`). Default: DynamoDB's own 1 MB pages. Small pages are for tests, to
   * exercise pagination without megabytes of data (DynamoDB Local does not enforce the 1 MB page limit).
   */
  readonly queryPageSize?: number;
  /** Judges expiry; inject a fake clock to test expiry without waiting. Default: the wall clock. */
  readonly clock?: Clock;
}

type Item = Record<string, unknown>;

/** Absent, or expired but not yet removed by TTL (which runs up to ~48 h late). */
const ABSENT = 'attribute_not_exists(#trigger) OR #expiresAt <= :now';

/**
 * Task tokens, recorded triggers and claims on DynamoDB, one partition per order (see TASK_TOKEN_ATTRIBUTES).
 * Every write that decides something is conditional: a wait item is removed only while it holds the same
 * token, a trigger is recorded and a wait claimed only if absent (the loser reads the winner back with one
 * consistent Query), and `read` is one consistent Query of the order's partition. IAM: dynamodb:PutItem,
 * DeleteItem, Query on the table.
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
  readonly #clock: Clock;

  constructor(options: DynamoDbTaskTokenStoreOptions) {
    this.#client = options.documentClient;
    this.#tableName = options.tableName;
    this.#queryPageSize = options.queryPageSize;
    this.#clock = options.clock ?? systemClock;
  }

  async put(entry: TaskTokenPut): Promise<void> {
    const expiresAt = validateTaskTokenPut(entry, this.#clock.now());
    await this.#send('put', () =>
      this.#client.send(
        new PutCommand({
          TableName: this.#tableName,
          Item: {
            [A.orderId]: entry.orderId,
            [A.trigger]: itemKey.wait(entry.trigger),
            [A.state]: entry.state,
            [A.token]: entry.token,
            [A.expiresAt]: expiresAt,
          },
        }),
      ),
    );
  }

  async peek(orderId: string): Promise<AwaitedTrigger[]> {
    return (await this.read(orderId)).waits.map(({ trigger, expiresAt }) => ({ trigger, expiresAt }));
  }

  async read(orderId: string): Promise<OrderTriggers> {
    assertOrderId(orderId);
    const waits: ParkedWait[] = [];
    const inbox: RecordedTrigger[] = [];
    const claims: WaitClaim[] = [];
    for (const item of await this.#query(orderId)) {
      const key = String(item[A.trigger]);
      const expiresAt = Number(item[A.expiresAt]);
      const kind = kindOfKey(key);
      if (kind === 'wait') {
        waits.push({ trigger: key, state: text(item, A.state), token: text(item, A.token), expiresAt });
      } else if (kind === 'inbox') {
        inbox.push(recordedOf(item));
      } else {
        claims.push(claimOf(item));
      }
    }
    return { waits, inbox, claims };
  }

  async remove(orderId: string, trigger: string, token: string): Promise<boolean> {
    assertTokenKey(orderId, trigger);
    assertToken(token);
    return this.#conditional('remove', () =>
      this.#client.send(
        new DeleteCommand({
          TableName: this.#tableName,
          Key: { [A.orderId]: orderId, [A.trigger]: itemKey.wait(trigger) },
          // Only this wait's item: a newer wait of the same trigger parked another token under this key.
          ConditionExpression: '#token = :token',
          ExpressionAttributeNames: { '#token': A.token },
          ExpressionAttributeValues: { ':token': token },
        }),
      ),
    );
  }

  async record(entry: TriggerRecord): Promise<RecordedTrigger> {
    const expiresAt = validateTriggerRecord(entry, this.#clock.now());
    const key = itemKey.inbox(entry.trigger);
    const item = {
      [A.orderId]: entry.orderId,
      [A.trigger]: key,
      [A.name]: entry.trigger,
      [A.eventId]: entry.eventId,
      [A.signal]: entry.signal,
      [A.expiresAt]: expiresAt,
    };
    if (await this.#putIfAbsent('record', item)) return recordedOf(item);
    return recordedOf(await this.#winner('record', entry.orderId, key));
  }

  async discard(orderId: string, trigger: string, eventId: string): Promise<boolean> {
    assertTokenKey(orderId, trigger);
    assertEventId(eventId);
    return this.#conditional('discard', () =>
      this.#client.send(
        new DeleteCommand({
          TableName: this.#tableName,
          Key: { [A.orderId]: orderId, [A.trigger]: itemKey.inbox(trigger) },
          ConditionExpression: '#eventId = :eventId',
          ExpressionAttributeNames: { '#eventId': A.eventId },
          ExpressionAttributeValues: { ':eventId': eventId },
        }),
      ),
    );
  }

  async claim(entry: WaitClaimPut): Promise<WaitClaim> {
    const expiresAt = validateWaitClaim(entry, this.#clock.now());
    const key = itemKey.claim(entry.token);
    const item = {
      [A.orderId]: entry.orderId,
      [A.trigger]: key,
      [A.name]: entry.trigger,
      [A.token]: entry.token,
      [A.eventId]: entry.eventId,
      [A.expiresAt]: expiresAt,
    };
    if (await this.#putIfAbsent('claim', item)) return claimOf(item);
    return claimOf(await this.#winner('claim', entry.orderId, key));
  }

  async #putIfAbsent(operation: string, item: Item): Promise<boolean> {
    return this.#conditional(operation, () =>
      this.#client.send(
        new PutCommand({
          TableName: this.#tableName,
          Item: item,
          ConditionExpression: ABSENT,
          ExpressionAttributeNames: { '#trigger': A.trigger, '#expiresAt': A.expiresAt },
          ExpressionAttributeValues: { ':now': this.#clock.now() / 1000 },
        }),
      ),
    );
  }

  /** The live item that made a conditional put fail: it existed, so it is there (or expired since: absent). */
  async #winner(operation: string, orderId: string, key: string): Promise<Item> {
    const [item] = await this.#query(orderId, key);
    if (item === undefined) {
      throw new StoreUnavailableError('task-tokens', operation, {
        cause: new Error(`item ${orderId}/${key} expired while it was written; try again`),
      });
    }
    return item;
  }

  async #query(orderId: string, key?: string): Promise<Item[]> {
    const items: Item[] = [];
    let exclusiveStartKey: Record<string, unknown> | undefined;
    await this.#send('read', async () => {
      do {
        const page = await this.#client.send(
          new QueryCommand({
            TableName: this.#tableName,
            KeyConditionExpression:
              key === undefined ? '#orderId = :orderId' : '#orderId = :orderId AND #trigger = :key',
            // Expired items linger until TTL removes them; they count as absent.
            FilterExpression: '#expiresAt > :now',
            ExpressionAttributeNames: {
              '#orderId': A.orderId,
              '#expiresAt': A.expiresAt,
              ...(key === undefined ? {} : { '#trigger': A.trigger }),
            },
            ExpressionAttributeValues: {
              ':orderId': orderId,
              ':now': this.#clock.now() / 1000,
              ...(key === undefined ? {} : { ':key': key }),
            },
            ConsistentRead: true,
            ExclusiveStartKey: exclusiveStartKey,
            Limit: this.#queryPageSize,
          }),
        );
        items.push(...(page.Items ?? []));
        exclusiveStartKey = page.LastEvaluatedKey;
      } while (exclusiveStartKey !== undefined);
    });
    return items;
  }

  /** Runs a conditional write: true if it was applied, false if its condition failed. */
  async #conditional(operation: string, write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw new StoreUnavailableError('task-tokens', operation, { cause: error });
    }
  }

  async #send(operation: string, call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (error) {
      throw new StoreUnavailableError('task-tokens', operation, { cause: error });
    }
  }
}

const text = (item: Item, attribute: string): string => {
  const value = item[attribute];
  if (typeof value !== 'string') {
    throw new StoreUnavailableError('task-tokens', 'read', {
      cause: new Error(`item ${String(item[A.trigger])} has no string "${attribute}"`),
    });
  }
  return value;
};

const recordedOf = (item: Item): RecordedTrigger => ({
  trigger: text(item, A.name),
  eventId: text(item, A.eventId),
  signal: text(item, A.signal),
  expiresAt: Number(item[A.expiresAt]),
});

const claimOf = (item: Item): WaitClaim => ({
  token: text(item, A.token),
  trigger: text(item, A.name),
  eventId: text(item, A.eventId),
  expiresAt: Number(item[A.expiresAt]),
});
