import { describe, expect, it } from 'vitest';
import {
  InsufficientStockError,
  ReservationMismatchError,
} from '../../../../lambdas/agents/inventory/inventory-error.js';
import { inventoryTasks } from '../../../../lambdas/agents/inventory/inventory-tasks.js';
import { InMemoryInventoryStore } from '../../../../lambdas/stores/inventory/in-memory/in-memory-inventory-store.js';

const setup = async (stockLevels: Record<string, number>) => {
  const stock = new InMemoryInventoryStore();
  for (const [sku, quantity] of Object.entries(stockLevels)) await stock.restock(sku, quantity);
  return {
    stock,
    tasks: inventoryTasks({ stock, clock: { now: () => Date.parse('2026-01-01T00:00:00Z') } }),
  };
};
const level = async (stock: InMemoryInventoryStore, sku: string) => (await stock.stockLevels([sku]))[0];
const saga = { sagaId: 'saga-1', orderId: 'order-1' };

describe('inventory tasks', () => {
  it('checks availability per SKU, merging duplicate lines', async () => {
    const { tasks } = await setup({ A: 5, B: 1 });
    const result = await tasks.check({
      ...saga,
      items: [
        { sku: 'A', quantity: 2 },
        { sku: 'A', quantity: 3 },
        { sku: 'B', quantity: 1 },
      ],
    });
    expect(result.lines).toEqual([
      { sku: 'A', requested: 5, available: 5 },
      { sku: 'B', requested: 1, available: 1 },
    ]);
  });

  it('fails a check with InsufficientStockError naming the short SKU, and a repeat answers the same', async () => {
    const { tasks, stock } = await setup({ A: 1 });
    const input = { ...saga, items: [{ sku: 'A', quantity: 2 }] };
    await expect(tasks.check(input)).rejects.toMatchObject({
      name: 'InsufficientStockError',
      sku: 'A',
      requested: 2,
      available: 1,
    });
    await stock.restock('A', 10);
    await expect(tasks.check(input)).rejects.toBeInstanceOf(InsufficientStockError);
  });

  it('treats an unknown SKU as out of stock', async () => {
    const { tasks } = await setup({});
    await expect(tasks.check({ ...saga, items: [{ sku: 'NOPE', quantity: 1 }] })).rejects.toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      available: 0,
    });
  });

  it('reserves once however often the step repeats', async () => {
    const { tasks, stock } = await setup({ A: 5 });
    const input = { ...saga, items: [{ sku: 'A', quantity: 2 }] };
    const first = await tasks.reserve(input);
    const again = await Promise.all([tasks.reserve(input), tasks.reserve(input)]);
    expect(again).toEqual([first, first]);
    expect(await level(stock, 'A')).toEqual({ sku: 'A', available: 3, reserved: 2 });
  });

  it('reserves all lines or none, never taking stock below zero', async () => {
    const { tasks, stock } = await setup({ A: 5, B: 1 });
    await expect(
      tasks.reserve({
        ...saga,
        items: [
          { sku: 'A', quantity: 2 },
          { sku: 'B', quantity: 2 },
        ],
      }),
    ).rejects.toMatchObject({ name: 'InsufficientStockError', sku: 'B' });
    expect(await stock.stockLevels(['A', 'B'])).toEqual([
      { sku: 'A', available: 5, reserved: 0 },
      { sku: 'B', available: 1, reserved: 0 },
    ]);
  });

  it('lets concurrent sagas reserve only what exists', async () => {
    const { tasks, stock } = await setup({ A: 3 });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        tasks.reserve({ sagaId: `s-${i}`, orderId: `o-${i}`, items: [{ sku: 'A', quantity: 1 }] }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(await level(stock, 'A')).toEqual({ sku: 'A', available: 0, reserved: 3 });
  });

  it('rejects a repeat of the step with different items', async () => {
    const { tasks } = await setup({ A: 5, B: 5 });
    await tasks.reserve({ ...saga, items: [{ sku: 'A', quantity: 1 }] });
    await expect(tasks.reserve({ ...saga, items: [{ sku: 'B', quantity: 1 }] })).rejects.toBeInstanceOf(
      ReservationMismatchError,
    );
  });

  it('releases exactly what was reserved, once', async () => {
    const { tasks, stock } = await setup({ A: 5 });
    await tasks.reserve({ ...saga, items: [{ sku: 'A', quantity: 2 }] });
    const first = await tasks.release(saga);
    const repeat = await tasks.release(saga);
    expect(first).toEqual({ released: true, items: [{ sku: 'A', quantity: 2 }] });
    expect(repeat).toEqual(first);
    expect(await level(stock, 'A')).toEqual({ sku: 'A', available: 5, reserved: 0 });
  });

  it('treats the release of an unknown reservation as a successful no-op and blocks a late reserve', async () => {
    const { tasks, stock } = await setup({ A: 5 });
    expect(await tasks.release(saga)).toEqual({ released: false, items: [] });
    await tasks.reserve({ ...saga, items: [{ sku: 'A', quantity: 2 }] });
    expect(await level(stock, 'A')).toEqual({ sku: 'A', available: 5, reserved: 0 });
  });

  it('commits a reservation on processing; a release after that (a cancel while paid) restocks it once', async () => {
    const { tasks, stock } = await setup({ A: 5 });
    await tasks.reserve({ ...saga, items: [{ sku: 'A', quantity: 2 }] });
    expect(await tasks.startProcessing(saga)).toEqual({
      committed: true,
      items: [{ sku: 'A', quantity: 2 }],
    });
    expect(await tasks.startProcessing(saga)).toEqual({
      committed: true,
      items: [{ sku: 'A', quantity: 2 }],
    });
    expect(await level(stock, 'A')).toEqual({ sku: 'A', available: 3, reserved: 0 });
    expect(await tasks.release(saga)).toEqual({ released: true, items: [{ sku: 'A', quantity: 2 }] });
    expect(await tasks.release(saga)).toEqual({ released: true, items: [{ sku: 'A', quantity: 2 }] });
    expect(await level(stock, 'A')).toEqual({ sku: 'A', available: 5, reserved: 0 });
    expect(await tasks.startProcessing(saga)).toEqual({ committed: false, items: [] });
  });
});
