import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '../../store-errors.js';
import { ItemCodec, type ItemShape, type ItemStore, type ItemStoreOptions } from '../item-store.js';
import { InvalidItemError } from '../item-store-error.js';

export interface DynamoDbItemStoreOptions<Item extends ItemShape> extends ItemStoreOptions<Item> {
  readonly documentClient: DynamoDBDocumentClient;
  /** The deployed table (`process.env[table.envVar]`; `table.localName` offline). */
  readonly tableName: string;
}

/**
 * An item store on DynamoDB: one item per key, a consistent GetItem to read, an unconditional PutItem to
 * write (IAM: `TABLE_ACTIONS.items`). A stored item the schema refuses is a `CorruptItemError`. SDK failures are {@link StoreUnavailableError} (transient, so the
 * delivery is retried); an item DynamoDB refuses (over 400 KB) is an {@link InvalidItemError}.
 *
 * @example
 * ```ts
 * const tickets = new DynamoDbItemStore({ documentClient, tableName: process.env[TICKETS_TABLE.envVar] ?? '', table: TICKETS_TABLE, schema: TicketSchema });
 * ```
 */
export class DynamoDbItemStore<Item extends ItemShape> implements ItemStore<Item> {
  readonly #codec: ItemCodec<Item>;
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(options: DynamoDbItemStoreOptions<Item>) {
    this.#codec = new ItemCodec(options);
    this.#client = options.documentClient;
    this.#tableName = options.tableName;
  }

  async get(key: string): Promise<Item | undefined> {
    const Key = this.#codec.key(key);
    let item: Record<string, unknown> | undefined;
    try {
      ({ Item: item } = await this.#client.send(
        new GetCommand({ TableName: this.#tableName, Key, ConsistentRead: true }),
      ));
    } catch (error) {
      throw new StoreUnavailableError(this.#codec.table, 'get', { cause: error });
    }
    return item === undefined ? undefined : this.#codec.decode(key, item);
  }

  async put(item: Item): Promise<void> {
    const { stored } = this.#codec.encode(item);
    try {
      await this.#client.send(new PutCommand({ TableName: this.#tableName, Item: stored }));
    } catch (error) {
      // The same item is refused again on every retry: not worth one.
      if (error instanceof Error && error.name === 'ValidationException') {
        throw new InvalidItemError(this.#codec.table, error.message, { cause: error });
      }
      throw new StoreUnavailableError(this.#codec.table, 'put', { cause: error });
    }
  }
}
