import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { TableDefinition } from '../../lambdas/contracts/table-definition.js';
import type { ItemStore } from '../../lambdas/stores/items/item-store.js';

/** The table the suite's items live in; create it (`localName`) before running the suite against DynamoDB. */
export const ITEM_STORE_CONFORMANCE_TABLE: TableDefinition = {
  id: 'ConformanceItems',
  envVar: 'CONFORMANCE_ITEMS_TABLE_NAME',
  localName: 'agentbridge-conformance-items',
  partitionKey: { name: 'itemId', type: 'S' },
};

const NoteSchema = z.object({
  itemId: z.string(),
  title: z.string().min(1),
  tags: z.array(z.string()),
  rank: z.number().int().optional(),
});
export type ConformanceNote = z.infer<typeof NoteSchema>;

/** Builds the store under test for the suite's table and schema. */
export type ItemStoreFactory = (
  table: TableDefinition,
  schema: z.ZodType<ConformanceNote>,
) => ItemStore<ConformanceNote>;

/** A fresh key per test keeps parallel runs apart on a shared table. */
const note = (overrides: Partial<ConformanceNote> = {}): ConformanceNote => ({
  itemId: `note-${randomUUID()}`,
  title: 'Printer on fire',
  tags: ['hardware'],
  ...overrides,
});

/**
 * The item store contract: every adapter of `ItemStore` passes the same behaviours (reads, replacing
 * writes, the schema and key checks, stored copies).
 *
 * @example
 * ```ts
 * describeItemStoreConformance('in-memory', (table, schema) => new InMemoryItemStore({ table, schema }));
 * ```
 */
export function describeItemStoreConformance(name: string, create: ItemStoreFactory): void {
  describe(`${name} item store conformance`, () => {
    const store = create(ITEM_STORE_CONFORMANCE_TABLE, NoteSchema);

    it('has nothing under a key never written', async () => {
      expect(await store.get(`note-${randomUUID()}`)).toBeUndefined();
    });

    it('reads back what was put, under its partition key', async () => {
      const item = note({ rank: 3 });
      await store.put(item);
      expect(await store.get(item.itemId)).toEqual(item);
    });

    it('replaces the item on a second put, and keeps other keys apart', async () => {
      const [first, other] = [note(), note({ title: 'Other' })];
      await store.put(first);
      await store.put(other);
      await store.put({ ...first, title: 'Printer replaced', tags: [] });
      expect(await store.get(first.itemId)).toEqual({ ...first, title: 'Printer replaced', tags: [] });
      expect(await store.get(other.itemId)).toEqual(other);
    });

    it('stores what the schema parses: unknown fields and undefined optionals are not kept', async () => {
      const item = note({ rank: undefined });
      await store.put({ ...item, ...{ secret: 'dropped' } });
      const read = await store.get(item.itemId);
      expect(read).toEqual({ itemId: item.itemId, title: item.title, tags: item.tags });
      expect(Object.keys(read ?? {}).sort()).toEqual(['itemId', 'tags', 'title']);
    });

    it('refuses an item the schema rejects with INVALID_ITEM, and stores nothing', async () => {
      const item = note({ title: '' });
      await expect(store.put(item)).rejects.toMatchObject({
        name: 'InvalidItemError',
        code: 'INVALID_ITEM',
        table: 'ConformanceItems',
        reason: expect.stringContaining('title'),
      });
      expect(await store.get(item.itemId)).toBeUndefined();
    });

    it('refuses an empty key, on put and on get', async () => {
      await expect(store.put(note({ itemId: '' }))).rejects.toMatchObject({ code: 'INVALID_ITEM' });
      await expect(store.get('')).rejects.toMatchObject({ code: 'INVALID_ITEM' });
    });

    it('keeps a copy: changing an item after put, or after get, changes nothing stored', async () => {
      const item = note({ tags: ['a'] });
      await store.put(item);
      item.tags.push('changed after put');
      const read = await store.get(item.itemId);
      read?.tags.push('changed after get');
      expect(await store.get(item.itemId)).toEqual({ ...item, tags: ['a'] });
    });
  });
}
