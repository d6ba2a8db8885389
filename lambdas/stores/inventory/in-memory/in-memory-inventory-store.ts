import type { StockLine } from '../../../contracts/order/saga-tasks.js';
import type {
  CheckRecord,
  InventoryStorePort,
  ReservationRecord,
  ReserveOutcome,
  StatusChangeOutcome,
  StockLevel,
} from '../inventory-store-port.js';
import { canChangeReservation } from '../reservation-transitions.js';

/**
 * The inventory store in process memory (tests, `npm start`, local Step Functions). Each operation checks
 * and writes in one synchronous step, which makes it atomic against concurrent calls, as a DynamoDB
 * transaction is. Returned records are copies.
 *
 * @example
 * ```ts
 * const store = new InMemoryInventoryStore();
 * await store.restock('SKU-1', 10);
 * ```
 */
export class InMemoryInventoryStore implements InventoryStorePort {
  readonly #stock = new Map<string, { available: number; reserved: number }>();
  readonly #checks = new Map<string, CheckRecord>();
  readonly #reservations = new Map<string, ReservationRecord>();

  async stockLevels(skus: readonly string[]): Promise<StockLevel[]> {
    return skus.map((sku) => ({ sku, ...(this.#stock.get(sku) ?? { available: 0, reserved: 0 }) }));
  }

  async restock(sku: string, quantity: number): Promise<StockLevel> {
    const level = this.#stock.get(sku) ?? { available: 0, reserved: 0 };
    level.available += quantity;
    this.#stock.set(sku, level);
    return { sku, ...level };
  }

  async recordCheck(record: CheckRecord): Promise<CheckRecord> {
    const existing = this.#checks.get(record.sagaId);
    if (existing) return structuredClone(existing);
    this.#checks.set(record.sagaId, structuredClone(record));
    return structuredClone(record);
  }

  async reserve(request: {
    sagaId: string;
    orderId: string;
    items: readonly StockLine[];
    at: string;
  }): Promise<ReserveOutcome> {
    const existing = this.#reservations.get(request.sagaId);
    if (existing) return { kind: 'existing', record: structuredClone(existing) };
    for (const line of request.items) {
      const available = this.#stock.get(line.sku)?.available ?? 0;
      if (available < line.quantity) {
        return { kind: 'short', shortage: { sku: line.sku, requested: line.quantity, available } };
      }
    }
    for (const line of request.items) this.#move(line, -1);
    const record: ReservationRecord = {
      sagaId: request.sagaId,
      orderId: request.orderId,
      items: request.items.map((line) => ({ ...line })),
      status: 'reserved',
      reservedAt: request.at,
      updatedAt: request.at,
    };
    this.#reservations.set(request.sagaId, record);
    return { kind: 'reserved', record: structuredClone(record) };
  }

  async recordIfAbsent(record: ReservationRecord): Promise<ReservationRecord> {
    const existing = this.#reservations.get(record.sagaId);
    if (existing) return structuredClone(existing);
    this.#reservations.set(record.sagaId, structuredClone(record));
    return structuredClone(record);
  }

  async reservation(sagaId: string): Promise<ReservationRecord | undefined> {
    const record = this.#reservations.get(sagaId);
    return record === undefined ? undefined : structuredClone(record);
  }

  /** Every reservation record, for tests and the demo's summary ("nothing stays reserved"). */
  reservations(): ReservationRecord[] {
    return [...this.#reservations.values()].map((record) => structuredClone(record));
  }

  async release(sagaId: string, at: string): Promise<StatusChangeOutcome> {
    return this.#change(sagaId, 'released', at);
  }

  async commit(sagaId: string, at: string): Promise<StatusChangeOutcome> {
    return this.#change(sagaId, 'committed', at);
  }

  #change(sagaId: string, status: 'released' | 'committed', at: string): StatusChangeOutcome {
    const record = this.#reservations.get(sagaId);
    if (record === undefined || !canChangeReservation(record.status, status)) {
      return { kind: 'unchanged', record: record === undefined ? undefined : structuredClone(record) };
    }
    for (const line of record.items) {
      if (status === 'committed') this.#consume(line);
      else if (record.status === 'committed') this.#restore(line);
      else this.#move(line, 1);
    }
    const changed: ReservationRecord = { ...record, status, updatedAt: at };
    this.#reservations.set(sagaId, changed);
    return { kind: 'changed', record: structuredClone(changed) };
  }

  /** direction -1 reserves (available → reserved), +1 releases (reserved → available). */
  #move(line: StockLine, direction: 1 | -1): void {
    const level = this.#stock.get(line.sku) ?? { available: 0, reserved: 0 };
    level.available += direction * line.quantity;
    level.reserved -= direction * line.quantity;
    this.#stock.set(line.sku, level);
  }

  /** A committed line back on the shelf: the order was cancelled after processing took it. */
  #restore(line: StockLine): void {
    const level = this.#stock.get(line.sku) ?? { available: 0, reserved: 0 };
    level.available += line.quantity;
    this.#stock.set(line.sku, level);
  }

  #consume(line: StockLine): void {
    const level = this.#stock.get(line.sku) ?? { available: 0, reserved: 0 };
    level.reserved -= line.quantity;
    this.#stock.set(line.sku, level);
  }
}
