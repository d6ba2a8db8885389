import { type Clock, systemClock } from '../../contracts/clock.js';
import type { MessageOf, ResponseOf } from '../../contracts/message-type.js';
import type { StartInventoryProcessing } from '../../contracts/order/fulfilment-tasks.js';
import type { CheckInventory, ReleaseInventory, ReserveInventory } from '../../contracts/order/saga-tasks.js';
import type { InventoryStorePort, ReservationRecord } from '../../stores/inventory/inventory-store-port.js';
import { InsufficientStockError, ReservationMismatchError } from './inventory-error.js';
import { mergeStockLines, sameStockLines } from './merge-stock-lines.js';

export interface InventoryDeps {
  readonly stock: InventoryStorePort;
  readonly clock?: Clock;
}

export interface InventoryTasks {
  check(input: MessageOf<typeof CheckInventory>): Promise<ResponseOf<typeof CheckInventory>>;
  reserve(input: MessageOf<typeof ReserveInventory>): Promise<ResponseOf<typeof ReserveInventory>>;
  release(input: MessageOf<typeof ReleaseInventory>): Promise<ResponseOf<typeof ReleaseInventory>>;
  startProcessing(
    input: MessageOf<typeof StartInventoryProcessing>,
  ): Promise<ResponseOf<typeof StartInventoryProcessing>>;
}

const reserved = (record: ReservationRecord): ResponseOf<typeof ReserveInventory> => ({
  reservationId: record.sagaId,
  items: record.items.map((line) => ({ ...line })),
  reservedAt: record.reservedAt,
});

/**
 * The inventory agent's saga steps, idempotent per (sagaId, step): each step's outcome is recorded under the
 * saga (in the same atomic write as the stock change it makes) and a repeat answers from the record.
 *
 * - check: reads stock, records the result; a short line throws {@link InsufficientStockError} (repeats too);
 * - reserve: all lines or none, never below zero; short → records `rejected` and throws;
 * - release: puts back exactly what was reserved; unknown reservation → a tombstone, so a late reserve of the
 *   same saga (a zombie attempt) cannot take stock after its compensation ran; answers `released: false`;
 * - startProcessing: commits the reservation (the post-transition action of paid): the stock is consumed; a
 *   release after that (the order cancelled while paid) puts the goods back on the shelf, once.
 *
 * @example
 * ```ts
 * const tasks = inventoryTasks({ stock: new InMemoryInventoryStore() });
 * await tasks.reserve({ sagaId, orderId, items: [{ sku: 'SKU-1', quantity: 2 }] });
 * ```
 */
export function inventoryTasks(deps: InventoryDeps): InventoryTasks {
  const now = (): string => new Date((deps.clock ?? systemClock).now()).toISOString();
  const { stock } = deps;

  return {
    async check({ sagaId, orderId, items }) {
      const wanted = mergeStockLines(items);
      const levels = await stock.stockLevels(wanted.map((line) => line.sku));
      const lines = wanted.map((line, i) => ({
        sku: line.sku,
        requested: line.quantity,
        available: levels[i]?.available ?? 0,
      }));
      const record = await stock.recordCheck({ sagaId, orderId, lines, checkedAt: now() });
      const short = record.lines.find((line) => line.available < line.requested);
      if (short) throw new InsufficientStockError(short.sku, short.requested, short.available);
      return { available: true, lines: record.lines.map((line) => ({ ...line })) };
    },

    async reserve({ sagaId, orderId, items }) {
      const wanted = mergeStockLines(items);
      const at = now();
      const outcome = await stock.reserve({ sagaId, orderId, items: wanted, at });
      if (outcome.kind === 'reserved') return reserved(outcome.record);
      const record =
        outcome.kind === 'existing'
          ? outcome.record
          : await stock.recordIfAbsent({
              sagaId,
              orderId,
              items: wanted,
              status: 'rejected',
              reservedAt: at,
              updatedAt: at,
              shortage: outcome.shortage,
            });
      if (record.status === 'rejected') {
        const shortage = record.shortage ?? { sku: wanted[0]?.sku ?? '', requested: 0, available: 0 };
        throw new InsufficientStockError(shortage.sku, shortage.requested, shortage.available);
      }
      if (record.items.length > 0 && !sameStockLines(record.items, wanted))
        throw new ReservationMismatchError(sagaId);
      return reserved(record);
    },

    async release({ sagaId, orderId }) {
      const at = now();
      const outcome = await stock.release(sagaId, at);
      if (outcome.kind === 'changed')
        return { released: true, items: outcome.record.items.map((l) => ({ ...l })) };
      const record =
        outcome.record ??
        (await stock.recordIfAbsent({
          sagaId,
          orderId,
          items: [],
          status: 'released',
          reservedAt: at,
          updatedAt: at,
        }));
      // A repeat of a release that did put stock back answers as the first call did.
      const released = record.status === 'released' && record.items.length > 0;
      return { released, items: released ? record.items.map((l) => ({ ...l })) : [] };
    },

    async startProcessing({ sagaId }) {
      const outcome = await stock.commit(sagaId, now());
      const record = outcome.record;
      const committed = record?.status === 'committed';
      return { committed, items: committed && record ? record.items.map((l) => ({ ...l })) : [] };
    },
  };
}
