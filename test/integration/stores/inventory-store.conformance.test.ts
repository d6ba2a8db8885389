import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { INVENTORY_TABLE } from '../../../lambdas/contracts/tables/inventory-table.js';
import { DynamoDbInventoryStore } from '../../../lambdas/stores/inventory/dynamodb/dynamodb-inventory-store.js';
import { InMemoryInventoryStore } from '../../../lambdas/stores/inventory/in-memory/in-memory-inventory-store.js';
import type { InventoryStorePort } from '../../../lambdas/stores/inventory/inventory-store-port.js';
import { testDynamoClients } from '../../support/dynamodb.js';

const adapters: ReadonlyArray<readonly [string, () => InventoryStorePort]> = [
  ['in-memory', () => new InMemoryInventoryStore()],
  [
    'DynamoDB',
    () =>
      new DynamoDbInventoryStore({
        documentClient: testDynamoClients().documentClient,
        tableName: INVENTORY_TABLE.localName,
      }),
  ],
];

/** Random SKUs and saga ids keep parallel test files apart on the shared table. */
const sku = (): string => `SKU-${randomUUID().slice(0, 8).toUpperCase()}`;
const sagaId = (): string => `arn:aws:states:eu-west-1:123456789012:execution:order-saga:${randomUUID()}`;
const AT = '2026-01-01T00:00:00.000Z';

describe.each(adapters)('InventoryStore conformance: %s', (_name, makeStore) => {
  const store = makeStore();

  it('reports 0 of an SKU it has never seen', async () => {
    const unknown = sku();
    expect(await store.stockLevels([unknown])).toEqual([{ sku: unknown, available: 0, reserved: 0 }]);
  });

  it('adds restocked quantities', async () => {
    const a = sku();
    await store.restock(a, 3);
    expect(await store.restock(a, 4)).toEqual({ sku: a, available: 7, reserved: 0 });
  });

  it('reserves every line atomically and records the reservation', async () => {
    const [a, b, saga] = [sku(), sku(), sagaId()];
    await store.restock(a, 5);
    await store.restock(b, 5);
    const outcome = await store.reserve({
      sagaId: saga,
      orderId: 'o-1',
      items: [
        { sku: a, quantity: 2 },
        { sku: b, quantity: 5 },
      ],
      at: AT,
    });
    expect(outcome.kind).toBe('reserved');
    expect(await store.stockLevels([a, b])).toEqual([
      { sku: a, available: 3, reserved: 2 },
      { sku: b, available: 0, reserved: 5 },
    ]);
    expect(await store.reservation(saga)).toMatchObject({
      status: 'reserved',
      items: [
        { sku: a, quantity: 2 },
        { sku: b, quantity: 5 },
      ],
    });
  });

  it('changes nothing when one line is short, and names it', async () => {
    const [a, b] = [sku(), sku()];
    await store.restock(a, 5);
    await store.restock(b, 1);
    const outcome = await store.reserve({
      sagaId: sagaId(),
      orderId: 'o-1',
      items: [
        { sku: a, quantity: 2 },
        { sku: b, quantity: 2 },
      ],
      at: AT,
    });
    expect(outcome).toEqual({ kind: 'short', shortage: { sku: b, requested: 2, available: 1 } });
    expect((await store.stockLevels([a]))[0]?.available).toBe(5);
  });

  it('treats an SKU without a stock item as short rather than creating it negative', async () => {
    const ghost = sku();
    const outcome = await store.reserve({
      sagaId: sagaId(),
      orderId: 'o-1',
      items: [{ sku: ghost, quantity: 1 }],
      at: AT,
    });
    expect(outcome).toEqual({ kind: 'short', shortage: { sku: ghost, requested: 1, available: 0 } });
    expect(await store.stockLevels([ghost])).toEqual([{ sku: ghost, available: 0, reserved: 0 }]);
  });

  it('answers a second reserve of one saga with the existing record and takes no more stock', async () => {
    const [a, saga] = [sku(), sagaId()];
    await store.restock(a, 5);
    const request = { sagaId: saga, orderId: 'o-1', items: [{ sku: a, quantity: 2 }], at: AT };
    await store.reserve(request);
    expect((await store.reserve(request)).kind).toBe('existing');
    expect((await store.stockLevels([a]))[0]?.available).toBe(3);
  });

  it('never oversells under concurrent reservations', async () => {
    const a = sku();
    await store.restock(a, 3);
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () =>
        store.reserve({ sagaId: sagaId(), orderId: 'o-1', items: [{ sku: a, quantity: 1 }], at: AT }),
      ),
    );
    expect(outcomes.filter((o) => o.kind === 'reserved')).toHaveLength(3);
    expect(await store.stockLevels([a])).toEqual([{ sku: a, available: 0, reserved: 3 }]);
  });

  it('releases once, putting back exactly the reserved lines', async () => {
    const [a, saga] = [sku(), sagaId()];
    await store.restock(a, 5);
    await store.reserve({ sagaId: saga, orderId: 'o-1', items: [{ sku: a, quantity: 2 }], at: AT });
    const [first, second] = await Promise.all([store.release(saga, AT), store.release(saga, AT)]);
    expect([first?.kind, second?.kind].sort()).toEqual(['changed', 'unchanged']);
    expect(await store.stockLevels([a])).toEqual([{ sku: a, available: 5, reserved: 0 }]);
    expect((await store.reservation(saga))?.status).toBe('released');
  });

  it('commits a reservation, consuming the reserved stock; a commit after that changes nothing', async () => {
    const [a, saga] = [sku(), sagaId()];
    await store.restock(a, 5);
    await store.reserve({ sagaId: saga, orderId: 'o-1', items: [{ sku: a, quantity: 2 }], at: AT });
    expect((await store.commit(saga, AT)).kind).toBe('changed');
    expect((await store.commit(saga, AT)).kind).toBe('unchanged');
    expect(await store.stockLevels([a])).toEqual([{ sku: a, available: 3, reserved: 0 }]);
  });

  it('releases a committed reservation once, putting the goods back on the shelf', async () => {
    const [a, saga] = [sku(), sagaId()];
    await store.restock(a, 5);
    await store.reserve({ sagaId: saga, orderId: 'o-1', items: [{ sku: a, quantity: 2 }], at: AT });
    await store.commit(saga, AT);
    const [first, second] = await Promise.all([store.release(saga, AT), store.release(saga, AT)]);
    expect([first?.kind, second?.kind].sort()).toEqual(['changed', 'unchanged']);
    expect(await store.stockLevels([a])).toEqual([{ sku: a, available: 5, reserved: 0 }]);
    expect((await store.reservation(saga))?.status).toBe('released');
    expect((await store.commit(saga, AT)).kind).toBe('unchanged');
  });

  it('reports an unknown reservation as unchanged', async () => {
    expect(await store.release(sagaId(), AT)).toEqual({ kind: 'unchanged', record: undefined });
  });

  it('writes a record-only reservation once and returns the first on a repeat', async () => {
    const saga = sagaId();
    const tombstone = {
      sagaId: saga,
      orderId: 'o-1',
      items: [],
      status: 'released' as const,
      reservedAt: AT,
      updatedAt: AT,
    };
    expect(await store.recordIfAbsent(tombstone)).toEqual(tombstone);
    const shortage = { sku: 'X', requested: 1, available: 0 };
    expect(await store.recordIfAbsent({ ...tombstone, status: 'rejected', shortage })).toEqual(tombstone);
    const a = sku();
    await store.restock(a, 1);
    expect(
      (await store.reserve({ sagaId: saga, orderId: 'o-1', items: [{ sku: a, quantity: 1 }], at: AT })).kind,
    ).toBe('existing');
  });

  it('keeps the first check record of a saga', async () => {
    const saga = sagaId();
    const first = {
      sagaId: saga,
      orderId: 'o-1',
      lines: [{ sku: 'A', requested: 1, available: 0 }],
      checkedAt: AT,
    };
    expect(await store.recordCheck(first)).toEqual(first);
    expect(await store.recordCheck({ ...first, lines: [{ sku: 'A', requested: 1, available: 9 }] })).toEqual(
      first,
    );
  });
});
