import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { CorruptItemError, StoreUnavailableError } from '../../store-errors.js';
import {
  type PoolSlotStore,
  type PoolState,
  type SlotLease,
  type SlotState,
  slotItem,
} from '../pool-slot-store.js';

export interface DynamoDbPoolSlotStoreOptions {
  readonly documentClient: DynamoDBDocumentClient;
  /** The deployed table (`process.env[POOL_SLOTS_TABLE.envVar]`; `POOL_SLOTS_TABLE.localName` offline). */
  readonly tableName: string;
}

const STORE = 'pool-slots';
const META = 'meta';

const numberOr = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);

/**
 * Pool slots on DynamoDB (`POOL_SLOTS_TABLE`): a consistent Query reads a pool; a grant, a release, a resize
 * and the counters are each one conditional UpdateItem (IAM: `TABLE_ACTIONS.poolSlots`), so a slot has at
 * most one holder whatever the containers do at once. A lost condition is an answer (`undefined`, `false`),
 * not an error; SDK failures are {@link StoreUnavailableError} (transient).
 *
 * @example
 * ```ts
 * const store = new DynamoDbPoolSlotStore({ documentClient, tableName: wiring.tableName(POOL_SLOTS_TABLE) });
 * ```
 */
export class DynamoDbPoolSlotStore implements PoolSlotStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(options: DynamoDbPoolSlotStoreOptions) {
    this.#client = options.documentClient;
    this.#tableName = options.tableName;
  }

  async read(pool: string): Promise<PoolState> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.#send('read', pool, () =>
        this.#client.send(
          new QueryCommand({
            TableName: this.#tableName,
            KeyConditionExpression: '#pool = :pool',
            ExpressionAttributeNames: { '#pool': 'pool' },
            ExpressionAttributeValues: { ':pool': pool },
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        ),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    const meta = items.find((item) => item.item === META);
    const slots: SlotState[] = items
      .filter((item) => item.item !== META)
      .map((item) => {
        const slot = Number(String(item.item).slice('slot#'.length));
        if (!Number.isInteger(slot) || typeof item.fencingToken !== 'number') {
          throw new CorruptItemError(STORE, `${pool}/${String(item.item)}`, 'not a slot item');
        }
        return {
          slot,
          holder: typeof item.holder === 'string' ? item.holder : undefined,
          leaseExpiresAt: typeof item.leaseExpiresAt === 'number' ? item.leaseExpiresAt : undefined,
          fencingToken: item.fencingToken,
        };
      });
    return {
      size: typeof meta?.size === 'number' ? meta.size : undefined,
      slots,
      counters: {
        requestsServed: numberOr(meta?.requestsServed, 0),
        totalWaitMs: numberOr(meta?.totalWaitMs, 0),
        peakUsage: numberOr(meta?.peakUsage, 0),
      },
    };
  }

  async grant(
    pool: string,
    slot: number,
    holder: string,
    now: number,
    leaseMs: number,
  ): Promise<SlotLease | undefined> {
    const leaseExpiresAt = now + leaseMs;
    const granted = await this.#conditional('grant', `${pool}/${slot}`, () =>
      this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: { pool, item: slotItem(slot) },
          UpdateExpression: 'SET holder = :holder, leaseExpiresAt = :until ADD fencingToken :one',
          ConditionExpression: 'attribute_not_exists(holder) OR leaseExpiresAt <= :now',
          ExpressionAttributeValues: { ':holder': holder, ':until': leaseExpiresAt, ':one': 1, ':now': now },
          ReturnValues: 'UPDATED_NEW',
        }),
      ),
    );
    if (granted === undefined) return undefined;
    const fencingToken = granted.Attributes?.fencingToken;
    if (typeof fencingToken !== 'number')
      throw new CorruptItemError(STORE, `${pool}/${slot}`, 'no fencing token');
    return { pool, slot, holder, fencingToken, leaseExpiresAt };
  }

  async release(lease: SlotLease): Promise<boolean> {
    const released = await this.#conditional('release', `${lease.pool}/${lease.slot}`, () =>
      this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: { pool: lease.pool, item: slotItem(lease.slot) },
          UpdateExpression: 'REMOVE holder, leaseExpiresAt',
          ConditionExpression: 'holder = :holder AND fencingToken = :token',
          ExpressionAttributeValues: { ':holder': lease.holder, ':token': lease.fencingToken },
        }),
      ),
    );
    return released !== undefined;
  }

  async resize(pool: string, from: number | undefined, to: number): Promise<boolean> {
    const resized = await this.#conditional('resize', pool, () =>
      this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: { pool, item: META },
          UpdateExpression: 'SET #size = :to',
          ConditionExpression: from === undefined ? 'attribute_not_exists(#size)' : '#size = :from',
          ExpressionAttributeNames: { '#size': 'size' },
          ExpressionAttributeValues: from === undefined ? { ':to': to } : { ':to': to, ':from': from },
        }),
      ),
    );
    return resized !== undefined;
  }

  async recordServed(pool: string, waitMs: number, usage: number): Promise<void> {
    await this.#send('recordServed', pool, () =>
      this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: { pool, item: META },
          UpdateExpression: 'ADD requestsServed :one, totalWaitMs :wait',
          ExpressionAttributeValues: { ':one': 1, ':wait': Math.max(0, Math.round(waitMs)) },
        }),
      ),
    );
    await this.#conditional('recordServed', pool, () =>
      this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: { pool, item: META },
          UpdateExpression: 'SET peakUsage = :usage',
          ConditionExpression: 'attribute_not_exists(peakUsage) OR peakUsage < :usage',
          ExpressionAttributeValues: { ':usage': usage },
        }),
      ),
    );
  }

  /** The call's result, or undefined when its condition did not hold. */
  async #conditional<T>(operation: string, key: string, call: () => Promise<T>): Promise<T | undefined> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw new StoreUnavailableError(STORE, operation, { cause: error, key });
    }
  }

  async #send<T>(operation: string, key: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof CorruptItemError) throw error;
      throw new StoreUnavailableError(STORE, operation, { cause: error, key });
    }
  }
}
