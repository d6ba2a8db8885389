import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PoolSlotStore } from '../../lambdas/stores/pool-slots/pool-slot-store.js';

const NOW = Date.UTC(2026, 11, 2, 12);

/**
 * The pool slot store contract: every adapter of `PoolSlotStore` grants a slot to one holder at a time, frees
 * it only for the grant that holds it, resizes only from the size read, and counts what it served.
 *
 * @example
 * ```ts
 * describePoolSlotStoreConformance('in-memory', () => new InMemoryPoolSlotStore());
 * ```
 */
export function describePoolSlotStoreConformance(name: string, create: () => PoolSlotStore): void {
  describe(`${name} pool slot store conformance`, () => {
    const store = create();
    const pool = () => `pool-${randomUUID()}`;

    it('grants a free slot once, refuses it to another holder while the lease lasts, and grants it again after', async () => {
      const p = pool();
      const first = await store.grant(p, 0, 'a', NOW, 1_000);
      expect(first).toEqual({ pool: p, slot: 0, holder: 'a', fencingToken: 1, leaseExpiresAt: NOW + 1_000 });
      expect(await store.grant(p, 0, 'b', NOW + 999, 1_000)).toBeUndefined();
      const second = await store.grant(p, 0, 'b', NOW + 1_000, 1_000);
      expect(second).toMatchObject({ holder: 'b', fencingToken: 2 });
    });

    it('frees a slot for the grant that holds it, and refuses the release of a grant that ended and was replaced', async () => {
      const p = pool();
      const stale = await store.grant(p, 1, 'a', NOW, 100);
      const current = await store.grant(p, 1, 'b', NOW + 100, 100);
      expect(stale && (await store.release(stale))).toBe(false);
      expect((await store.read(p)).slots).toEqual([
        { slot: 1, holder: 'b', leaseExpiresAt: NOW + 200, fencingToken: 2 },
      ]);
      expect(current && (await store.release(current))).toBe(true);
      expect((await store.read(p)).slots).toEqual([
        { slot: 1, holder: undefined, leaseExpiresAt: undefined, fencingToken: 2 },
      ]);
      expect(await store.grant(p, 1, 'c', NOW + 150, 100)).toMatchObject({ fencingToken: 3 });
    });

    it('sets the size only from the size the caller read', async () => {
      const p = pool();
      expect((await store.read(p)).size).toBeUndefined();
      expect(await store.resize(p, undefined, 2)).toBe(true);
      expect(await store.resize(p, undefined, 3)).toBe(false);
      expect(await store.resize(p, 2, 3)).toBe(true);
      expect(await store.resize(p, 2, 4)).toBe(false);
      expect((await store.read(p)).size).toBe(3);
    });

    it('lists the slots in order and counts served requests, their waits and the peak usage', async () => {
      const p = pool();
      for (const slot of [2, 0, 1]) await store.grant(p, slot, `h-${slot}`, NOW, 1_000);
      await store.recordServed(p, 10, 2);
      await store.recordServed(p, 30, 3);
      await store.recordServed(p, 5, 1);
      const state = await store.read(p);
      expect(state.slots.map((slot) => [slot.slot, slot.holder])).toEqual([
        [0, 'h-0'],
        [1, 'h-1'],
        [2, 'h-2'],
      ]);
      expect(state.counters).toEqual({ requestsServed: 3, totalWaitMs: 45, peakUsage: 3 });
    });

    it('grants each slot to exactly one of many holders asking at once', async () => {
      const p = pool();
      const grants = await Promise.all(
        Array.from({ length: 8 }, (_, i) => store.grant(p, 0, `racer-${i}`, NOW, 1_000)),
      );
      expect(grants.filter((grant) => grant !== undefined)).toHaveLength(1);
    });
  });
}
