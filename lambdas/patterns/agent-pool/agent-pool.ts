import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Clock, systemClock } from '../../contracts/clock.js';
import type { PoolSlotStore, PoolState, SlotLease } from '../../stores/pool-slots/pool-slot-store.js';
import { InvalidPoolOptionsError, PoolExhaustedError } from './agent-pool-error.js';

export interface AgentPoolOptions {
  readonly store: PoolSlotStore;
  /** The pool's name: every container using the same name shares its slots. */
  readonly pool: string;
  readonly minSize: number;
  readonly maxSize: number;
  /** Busy share of the size at which the pool grows by one. Default 0.8. */
  readonly scaleThreshold?: number;
  /** Busy share below which a release shrinks the pool by one, down to `minSize`. Default 0.3. */
  readonly scaleDownBelow?: number;
  /** How long a grant lasts: a holder that crashes gives its slot back when it ends. Default 60 s. */
  readonly leaseMs?: number;
  /** How often a waiting acquirer looks again. Default 25 ms. */
  readonly pollMs?: number;
  readonly clock?: Clock;
  /** Waits between looks; tests pass one that moves their clock. */
  readonly sleep?: (ms: number) => Promise<unknown>;
}

/** A slot held: release it when done (or let its lease end). `fencingToken` orders its grants. */
export interface PoolSlot extends SlotLease {
  /** Granted past the timeout as an emergency slot, the pool grown beyond its threshold to make room. */
  readonly emergency: boolean;
  readonly waitedMs: number;
  release(): Promise<boolean>;
}

/** What the pool has done, across every container. */
export interface PoolStats {
  readonly size: number;
  readonly busy: number;
  readonly requestsServed: number;
  readonly averageWaitMs: number;
  readonly peakUsage: number;
}

/**
 * Scarce capacity shared by every container (the concurrent calls a legacy system or a model endpoint
 * accepts), as leases in a {@link PoolSlotStore}: `acquire` takes a free slot of the current size, and a grant
 * that brings the busy share to the threshold grows the pool by one; a request that finds every slot busy
 * waits, and at its timeout gets an emergency slot (the pool grown by one) while the pool is below its
 * maximum, else a {@link PoolExhaustedError}. `release` gives the
 * slot back and shrinks the pool when it is idle above its minimum. A crashed holder's slot comes back when
 * its lease ends; a slot never has two holders, since every grant is one conditional write.
 *
 * @example
 * ```ts
 * const pool = new AgentPool({ store, pool: 'legacy-crm', minSize: 2, maxSize: 8 });
 * const slot = await pool.acquire({ timeoutMs: 2_000 });
 * try { await callCrm(slot.fencingToken); } finally { await slot.release(); }
 * ```
 */
export class AgentPool {
  readonly #options: AgentPoolOptions;
  readonly #clock: Clock;

  constructor(options: AgentPoolOptions) {
    const { pool, minSize, maxSize } = options;
    if (!Number.isInteger(minSize) || minSize < 1)
      throw new InvalidPoolOptionsError(pool, 'minSize is a whole number ≥ 1');
    if (!Number.isInteger(maxSize) || maxSize < minSize)
      throw new InvalidPoolOptionsError(pool, 'maxSize is a whole number ≥ minSize');
    if (maxSize > 9_999) throw new InvalidPoolOptionsError(pool, 'maxSize is at most 9999');
    for (const [name, value] of [
      ['scaleThreshold', options.scaleThreshold],
      ['scaleDownBelow', options.scaleDownBelow],
    ] as const) {
      if (value !== undefined && !(value > 0 && value <= 1))
        throw new InvalidPoolOptionsError(pool, `${name} is in (0, 1]`);
    }
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
  }

  async acquire(request: { readonly timeoutMs: number; readonly holder?: string }): Promise<PoolSlot> {
    const { store, pool, maxSize } = this.#options;
    const holder = request.holder ?? randomUUID();
    const startedAt = this.#clock.now();
    for (;;) {
      const state = await store.read(pool);
      const size = await this.#sizeOf(state);
      const now = this.#clock.now();
      const held = heldAt(state, now);
      for (let slot = 0; slot < size; slot++) {
        if (held.has(slot)) continue;
        const lease = await store.grant(pool, slot, holder, now, this.#leaseMs);
        if (lease !== undefined) return this.#granted(lease, size, held.size + 1, startedAt, false);
      }
      const waited = now - startedAt;
      if (waited >= request.timeoutMs) {
        if (size < maxSize && (await store.resize(pool, size, size + 1))) {
          const lease = await store.grant(pool, size, holder, now, this.#leaseMs);
          if (lease !== undefined) return this.#granted(lease, size + 1, held.size + 1, startedAt, true);
        }
        if (size >= maxSize) throw new PoolExhaustedError(pool, waited, size);
        continue;
      }
      await (this.#options.sleep ?? sleep)(this.#options.pollMs ?? 25);
    }
  }

  async stats(): Promise<PoolStats> {
    const state = await this.#options.store.read(this.#options.pool);
    const { requestsServed, totalWaitMs, peakUsage } = state.counters;
    return {
      size: state.size ?? this.#options.minSize,
      busy: heldAt(state, this.#clock.now()).size,
      requestsServed,
      averageWaitMs: requestsServed === 0 ? 0 : totalWaitMs / requestsServed,
      peakUsage,
    };
  }

  get #leaseMs(): number {
    return this.#options.leaseMs ?? 60_000;
  }

  /** The pool's size, set to `minSize` by its first user. */
  async #sizeOf(state: PoolState): Promise<number> {
    if (state.size !== undefined) return state.size;
    await this.#options.store.resize(this.#options.pool, undefined, this.#options.minSize);
    return (await this.#options.store.read(this.#options.pool)).size ?? this.#options.minSize;
  }

  async #granted(
    lease: SlotLease,
    size: number,
    busy: number,
    startedAt: number,
    emergency: boolean,
  ): Promise<PoolSlot> {
    const waitedMs = this.#clock.now() - startedAt;
    const { store, maxSize } = this.#options;
    await store.recordServed(lease.pool, waitedMs, busy);
    // Past the threshold the pool grows now, so the next request finds a slot instead of waiting.
    if (busy / size >= (this.#options.scaleThreshold ?? 0.8) && size < maxSize) {
      await store.resize(lease.pool, size, size + 1);
    }
    return { ...lease, emergency, waitedMs, release: () => this.#release(lease, size) };
  }

  async #release(lease: SlotLease, sizeAtGrant: number): Promise<boolean> {
    const { store, pool, minSize } = this.#options;
    const released = await store.release(lease);
    const state = await store.read(pool);
    const size = state.size ?? sizeAtGrant;
    const held = heldAt(state, this.#clock.now());
    if (size > minSize && held.size / size < (this.#options.scaleDownBelow ?? 0.3) && !held.has(size - 1)) {
      await store.resize(pool, size, size - 1);
    }
    return released;
  }
}

/** The slots held at `now`: a holder whose lease has not ended. */
function heldAt(state: PoolState, now: number): Set<number> {
  return new Set(
    state.slots
      .filter((slot) => slot.holder !== undefined && (slot.leaseExpiresAt ?? 0) > now)
      .map((slot) => slot.slot),
  );
}
