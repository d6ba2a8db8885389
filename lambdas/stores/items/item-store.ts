import type * as z from 'zod';
import { summarizeIssues } from '../../contracts/message-validation-error.js';
import type { TableDefinition } from '../../contracts/table-definition.js';
import { CorruptItemError } from '../store-errors.js';
import { InvalidItemError, ItemStoreError } from './item-store-error.js';

/** A JSON object: what an item store keeps (DynamoDB maps, lists, strings, numbers, booleans, null). */
export type ItemShape = Record<string, unknown>;

/**
 * A table of one kind of record, each stored whole under its partition key: the port a system's own data
 * (tickets, assignments, preferences) lives behind. Items are checked against the schema when written and
 * when read, by every adapter alike, so nothing is accepted in memory that DynamoDB would keep differently.
 *
 * @example
 * ```ts
 * const tickets: ItemStore<Ticket> = new InMemoryItemStore({ table: TICKETS_TABLE, schema: TicketSchema });
 * await tickets.put({ ticketId: 't-1', team: 'billing' });
 * await tickets.get('t-1'); // { ticketId: 't-1', team: 'billing' }
 * ```
 */
export interface ItemStore<Item extends ItemShape> {
  /** The item under `key` (consistent read), or undefined. */
  get(key: string): Promise<Item | undefined>;
  /** Stores the item under its partition key, replacing any item there. */
  put(item: Item): Promise<void>;
}

/** What both adapters are built from: the table's definition (its partition key names the key) and the schema. */
export interface ItemStoreOptions<Item extends ItemShape> {
  /** A table with a string partition key and no sort key. */
  readonly table: TableDefinition;
  readonly schema: z.ZodType<Item>;
}

/** The checks both adapters share: one table shape, one key rule, one schema. */
export class ItemCodec<Item extends ItemShape> {
  readonly table: string;
  readonly #keyName: string;
  readonly #schema: z.ZodType<Item>;

  constructor({ table, schema }: ItemStoreOptions<Item>) {
    if (table.partitionKey.type !== 'S' || table.sortKey !== undefined) {
      throw new ItemStoreError(
        'UNSUPPORTED_TABLE',
        `Table ${table.id} needs a string partition key and no sort key`,
      );
    }
    this.table = table.id;
    this.#keyName = table.partitionKey.name;
    this.#schema = schema;
  }

  /** A DynamoDB key object for a key the caller gave. */
  key(key: string): Record<string, string> {
    if (typeof key !== 'string' || key === '')
      throw new InvalidItemError(this.table, 'the key must be a non-empty string');
    return { [this.#keyName]: key };
  }

  /** The item as stored: parsed by the schema (unknown fields dropped), as JSON (undefined fields dropped). */
  encode(item: Item): { key: string; stored: ItemShape } {
    const parsed = this.#schema.safeParse(item);
    if (!parsed.success)
      throw new InvalidItemError(this.table, summarizeIssues(parsed.error), { cause: parsed.error });
    const stored = JSON.parse(JSON.stringify(parsed.data)) as ItemShape;
    const key = stored[this.#keyName];
    if (typeof key !== 'string' || key === '') {
      throw new InvalidItemError(this.table, `"${this.#keyName}" must be a non-empty string`);
    }
    return { key, stored };
  }

  decode(key: string, stored: unknown): Item {
    const parsed = this.#schema.safeParse(stored);
    if (!parsed.success) throw new CorruptItemError(this.table, key, summarizeIssues(parsed.error));
    return parsed.data;
  }
}
