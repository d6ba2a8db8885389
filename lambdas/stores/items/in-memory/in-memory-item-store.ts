import { ItemCodec, type ItemShape, type ItemStore, type ItemStoreOptions } from '../item-store.js';

/**
 * An item store in a `Map`, for tests and in-process runs: the same schema and key checks as the DynamoDB
 * adapter, and a copy stored, so mutating an item after `put` (or after `get`) changes nothing stored.
 *
 * @example
 * ```ts
 * const tickets = new InMemoryItemStore({ table: TICKETS_TABLE, schema: TicketSchema });
 * ```
 */
export class InMemoryItemStore<Item extends ItemShape> implements ItemStore<Item> {
  readonly #codec: ItemCodec<Item>;
  readonly #items = new Map<string, string>();

  constructor(options: ItemStoreOptions<Item>) {
    this.#codec = new ItemCodec(options);
  }

  async get(key: string): Promise<Item | undefined> {
    this.#codec.key(key);
    const json = this.#items.get(key);
    return json === undefined ? undefined : this.#codec.decode(key, JSON.parse(json));
  }

  async put(item: Item): Promise<void> {
    const { key, stored } = this.#codec.encode(item);
    this.#items.set(key, JSON.stringify(stored));
  }
}
