import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  PutCommand,
  type PutCommandInput,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { EVENT_STORE_ATTRIBUTES as A } from '../../../contracts/tables/event-store-table.js';
import { StoreUnavailableError } from '../../store-errors.js';
import { ConcurrencyError } from '../event-store-error.js';
import type {
  EventRange,
  EventRangeQuery,
  EventStorePort,
  SerializedEvent,
  SerializedSnapshot,
} from '../event-store-port.js';
import {
  eventFromItem,
  eventItem,
  isStoredEventItem,
  snapshotFromItem,
  snapshotItem,
  snapshotPartitionKey,
} from './event-store-items.js';
import { isLostRace } from './is-lost-race.js';

export interface DynamoDbEventStoreAdapterOptions {
  readonly documentClient: DynamoDBDocumentClient;
  /** The deployed event store table (`process.env[EVENT_STORE_TABLE.envVar]`). */
  readonly tableName: string;
  /**
   * Strongly consistent reads (default true): a command handler must see its own last append, or it decides
   * on stale state and loses the conditional write it could have won.
   */
  readonly consistentRead?: boolean;
}

const NAMES = { '#pk': A.pk, '#sk': A.sk };
/** Items one TransactWriteItems call may hold. */
const MAX_TRANSACTION_ITEMS = 100;

/**
 * Events and snapshots in one DynamoDB table (see `EVENT_STORE_TABLE`). An append is one conditional
 * PutItem (first event of a new stream) or one TransactWriteItems: a ConditionCheck that the expected last
 * event exists (so no gap can open) plus one Put per event, each `attribute_not_exists` (so no version is
 * written twice). The SDK fills the transaction's ClientRequestToken once per call, so its own retries of a
 * transaction that did succeed are answered as successes rather than as lost races; a retried first PutItem
 * is recognised by the item its failed condition returns.
 * IAM: dynamodb:PutItem, dynamodb:ConditionCheckItem, dynamodb:Query on the table.
 *
 * @example
 * ```ts
 * const adapter = new DynamoDbEventStoreAdapter({ documentClient, tableName: process.env[EVENT_STORE_TABLE.envVar] ?? '' });
 * ```
 */
export class DynamoDbEventStoreAdapter implements EventStorePort {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;
  readonly #consistentRead: boolean;

  constructor(options: DynamoDbEventStoreAdapterOptions) {
    this.#client = options.documentClient;
    this.#tableName = options.tableName;
    this.#consistentRead = options.consistentRead ?? true;
  }

  async appendEvents(
    streamId: string,
    expectedVersion: number,
    events: readonly SerializedEvent[],
  ): Promise<void> {
    const puts = events.map((event) => ({
      TableName: this.#tableName,
      Item: eventItem(event),
      ConditionExpression: 'attribute_not_exists(#pk)',
      ExpressionAttributeNames: { '#pk': A.pk },
    }));
    const guarded =
      expectedVersion > 0 && (await this.#needsGuardInTransaction(streamId, expectedVersion, puts.length));
    try {
      const [only] = events;
      if (expectedVersion === 0 && puts.length === 1 && puts[0] !== undefined && only !== undefined) {
        // Half the write cost of a transaction, and just as atomic for a single item.
        await this.#putFirstEvent(puts[0], only);
        return;
      }
      const guard = !guarded
        ? []
        : [
            {
              ConditionCheck: {
                TableName: this.#tableName,
                Key: { [A.pk]: streamId, [A.sk]: expectedVersion },
                ConditionExpression: 'attribute_exists(#pk)',
                ExpressionAttributeNames: { '#pk': A.pk },
              },
            },
          ];
      await this.#client.send(
        new TransactWriteCommand({ TransactItems: [...guard, ...puts.map((put) => ({ Put: put }))] }),
      );
    } catch (error) {
      if (!isLostRace(error))
        throw new StoreUnavailableError('event-store', 'append', { key: streamId, cause: error });
      // The failed condition says only "not at the expected version"; the caller needs the actual one.
      const actualVersion = await this.currentVersion(streamId);
      throw new ConcurrencyError(streamId, expectedVersion, actualVersion, { cause: error });
    }
  }

  /**
   * The first event of a stream, as one conditional PutItem. A PutItem has no ClientRequestToken: when the
   * SDK retries one that did succeed (a timeout, a dropped response), the retry fails its condition on the
   * item it wrote itself. The failed condition returns the stored item, and an exact match is that write,
   * answered as the success it was; anything else is a lost race (the caller sees ConcurrencyError).
   */
  async #putFirstEvent(put: PutCommandInput, event: SerializedEvent): Promise<void> {
    try {
      await this.#client.send(new PutCommand({ ...put, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException && isStoredEventItem(error.Item, event)) return;
      throw error;
    }
  }

  /**
   * The gap guard (the expected last event exists) normally rides in the transaction as a ConditionCheck.
   * When all 100 transaction slots carry events there is no room for it; then a consistent read checks it
   * first. That is just as safe because events are immutable and never deleted (no TTL): an event that
   * exists at the read still exists at the commit. A missing one is a lost race, answered as such.
   */
  async #needsGuardInTransaction(
    streamId: string,
    expectedVersion: number,
    eventCount: number,
  ): Promise<boolean> {
    if (eventCount < MAX_TRANSACTION_ITEMS) return true;
    const output = await this.#query('append', streamId, {
      KeyConditionExpression: '#pk = :pk AND #sk = :sk',
      ExpressionAttributeValues: { ':pk': streamId, ':sk': expectedVersion },
      ProjectionExpression: '#sk',
    });
    if ((output.Items ?? []).length === 0) {
      throw new ConcurrencyError(streamId, expectedVersion, await this.currentVersion(streamId));
    }
    return false;
  }

  async currentVersion(streamId: string): Promise<number> {
    const output = await this.#query('currentVersion', streamId, {
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeValues: { ':pk': streamId },
      ProjectionExpression: '#sk',
      ScanIndexForward: false,
      Limit: 1,
    });
    const last = output.Items?.[0]?.[A.sk];
    return typeof last === 'number' ? last : 0;
  }

  async readEvents(streamId: string, query: EventRangeQuery): Promise<EventRange> {
    const events: SerializedEvent[] = [];
    let startKey: Record<string, unknown> | undefined;
    // One item beyond the limit tells whether more follow, so the last page never hands out a dead cursor.
    const wanted = query.limit + 1;
    do {
      const output = await this.#query('read', streamId, {
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :min AND :max',
        ExpressionAttributeValues: { ':pk': streamId, ':min': query.minVersion, ':max': query.maxVersion },
        ScanIndexForward: query.direction === 'forward',
        Limit: wanted - events.length,
        ExclusiveStartKey: startKey,
      });
      for (const item of output.Items ?? []) events.push(eventFromItem(item));
      startKey = output.LastEvaluatedKey;
    } while (startKey !== undefined && events.length < wanted);
    return { events: events.slice(0, query.limit), hasMore: events.length > query.limit };
  }

  async putSnapshot(snapshot: SerializedSnapshot): Promise<void> {
    try {
      // Unconditional: a snapshot at a given version is deterministic, so rewriting it changes nothing.
      await this.#client.send(new PutCommand({ TableName: this.#tableName, Item: snapshotItem(snapshot) }));
    } catch (error) {
      throw new StoreUnavailableError('event-store', 'putSnapshot', { key: snapshot.streamId, cause: error });
    }
  }

  async latestSnapshot(
    streamId: string,
    reducerVersion: number,
    maxVersion: number,
  ): Promise<SerializedSnapshot | undefined> {
    const output = await this.#query('latestSnapshot', streamId, {
      KeyConditionExpression: '#pk = :pk AND #sk <= :max',
      ExpressionAttributeValues: {
        ':pk': snapshotPartitionKey(streamId, reducerVersion),
        ':max': maxVersion,
      },
      ScanIndexForward: false,
      Limit: 1,
    });
    const item = output.Items?.[0];
    return item === undefined ? undefined : snapshotFromItem(item);
  }

  async #query(
    operation: string,
    streamId: string,
    input: Omit<QueryCommandInput, 'TableName' | 'ConsistentRead' | 'ExpressionAttributeNames'>,
  ) {
    try {
      return await this.#client.send(
        new QueryCommand({
          ...input,
          TableName: this.#tableName,
          ConsistentRead: this.#consistentRead,
          ExpressionAttributeNames: NAMES,
        }),
      );
    } catch (error) {
      throw new StoreUnavailableError('event-store', operation, { key: streamId, cause: error });
    }
  }
}
