import type { ChargeRecord, PaymentStorePort, RefundOutcome } from '../payment-store-port.js';

/**
 * The payment store in process memory (tests, `npm start`, local Step Functions). Each operation checks
 * and writes in one synchronous step; returned records are copies.
 *
 * @example
 * ```ts
 * const payments = new InMemoryPaymentStore();
 * ```
 */
export class InMemoryPaymentStore implements PaymentStorePort {
  readonly #charges = new Map<string, ChargeRecord>();

  async recordCharge(record: ChargeRecord): Promise<{ created: boolean; record: ChargeRecord }> {
    const existing = this.#charges.get(record.sagaId);
    if (existing) return { created: false, record: { ...existing } };
    this.#charges.set(record.sagaId, { ...record });
    return { created: true, record: { ...record } };
  }

  async charge(sagaId: string): Promise<ChargeRecord | undefined> {
    const record = this.#charges.get(sagaId);
    return record === undefined ? undefined : { ...record };
  }

  async refund(sagaId: string, at: string): Promise<RefundOutcome> {
    const record = this.#charges.get(sagaId);
    if (record?.status !== 'charged')
      return { kind: 'unchanged', record: record === undefined ? undefined : { ...record } };
    const refunded: ChargeRecord = { ...record, status: 'refunded', updatedAt: at };
    this.#charges.set(sagaId, refunded);
    return { kind: 'refunded', record: { ...refunded } };
  }

  /** Every record, for tests and the demo's summary ("nothing stays charged"). */
  all(): ChargeRecord[] {
    return [...this.#charges.values()].map((record) => ({ ...record }));
  }
}
