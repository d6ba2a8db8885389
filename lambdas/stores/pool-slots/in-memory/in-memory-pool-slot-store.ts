import type { PoolCounters, PoolSlotStore, PoolState, SlotLease, SlotState } from '../pool-slot-store.js';

interface PoolRecord {
  size: number | undefined;
  slots: Map<number, SlotState>;
  counters: PoolCounters;
}

/**
 * Pool slots in one process (tests, the in-process runtime): the same conditions as on DynamoDB, each
 * operation atomic because it completes before any other runs.
 *
 * @example
 * ```ts
 * const pool = new AgentPool({ store: new InMemoryPoolSlotStore(), pool: 'crm', minSize: 1, maxSize: 4 });
 * ```
 */
export class InMemoryPoolSlotStore implements PoolSlotStore {
  readonly #pools = new Map<string, PoolRecord>();

  #pool(pool: string): PoolRecord {
    let record = this.#pools.get(pool);
    if (record === undefined) {
      record = {
        size: undefined,
        slots: new Map(),
        counters: { requestsServed: 0, totalWaitMs: 0, peakUsage: 0 },
      };
      this.#pools.set(pool, record);
    }
    return record;
  }

  async read(pool: string): Promise<PoolState> {
    const record = this.#pool(pool);
    const slots = [...record.slots.values()].sort((a, b) => a.slot - b.slot).map((slot) => ({ ...slot }));
    return { size: record.size, slots, counters: { ...record.counters } };
  }

  async grant(
    pool: string,
    slot: number,
    holder: string,
    now: number,
    leaseMs: number,
  ): Promise<SlotLease | undefined> {
    const record = this.#pool(pool);
    const current = record.slots.get(slot);
    if (current?.holder !== undefined && (current.leaseExpiresAt ?? 0) > now) return undefined;
    const lease = {
      pool,
      slot,
      holder,
      fencingToken: (current?.fencingToken ?? 0) + 1,
      leaseExpiresAt: now + leaseMs,
    };
    record.slots.set(slot, {
      slot,
      holder,
      leaseExpiresAt: lease.leaseExpiresAt,
      fencingToken: lease.fencingToken,
    });
    return lease;
  }

  async release(lease: SlotLease): Promise<boolean> {
    const current = this.#pool(lease.pool).slots.get(lease.slot);
    if (current?.holder !== lease.holder || current.fencingToken !== lease.fencingToken) return false;
    this.#pool(lease.pool).slots.set(lease.slot, {
      ...current,
      holder: undefined,
      leaseExpiresAt: undefined,
    });
    return true;
  }

  async resize(pool: string, from: number | undefined, to: number): Promise<boolean> {
    const record = this.#pool(pool);
    if (record.size !== from) return false;
    record.size = to;
    return true;
  }

  async recordServed(pool: string, waitMs: number, usage: number): Promise<void> {
    const record = this.#pool(pool);
    const { requestsServed, totalWaitMs, peakUsage } = record.counters;
    record.counters = {
      requestsServed: requestsServed + 1,
      totalWaitMs: totalWaitMs + waitMs,
      peakUsage: Math.max(peakUsage, usage),
    };
  }
}
