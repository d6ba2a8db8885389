import { describe, expect, it } from 'vitest';
import { AgentPool, type AgentPoolOptions } from '../../../../lambdas/patterns/agent-pool/agent-pool.js';
import { InMemoryPoolSlotStore } from '../../../../lambdas/stores/pool-slots/in-memory/in-memory-pool-slot-store.js';
import { ManualClock } from '../../../support/manual-clock.js';

const setup = (options: Partial<AgentPoolOptions> = {}) => {
  const clock = new ManualClock(Date.UTC(2026, 11, 2));
  const store = new InMemoryPoolSlotStore();
  const waits: (() => void)[] = [];
  const pool = new AgentPool({
    store,
    pool: 'crm',
    minSize: 2,
    maxSize: 4,
    leaseMs: 10_000,
    clock,
    // Waiting moves the clock by the poll interval, and runs whatever the test scheduled for that moment.
    sleep: async (ms) => {
      clock.advanceMs(ms);
      waits.shift()?.();
    },
    ...options,
  });
  return { clock, store, pool, waits };
};

describe('an agent pool of scarce capacity shared through a slot store', () => {
  it('grants distinct slots and grows by one once a grant brings the busy share to the threshold', async () => {
    const { pool } = setup();
    const first = await pool.acquire({ timeoutMs: 0 });
    expect((await pool.stats()).size).toBe(2);
    const second = await pool.acquire({ timeoutMs: 0 });
    expect([first.slot, second.slot]).toEqual([0, 1]);
    // 2 of 2 busy ≥ 0.8: the next request finds a third slot at once.
    expect((await pool.stats()).size).toBe(3);
    expect((await pool.acquire({ timeoutMs: 0 })).slot).toBe(2);
  });

  it('makes a request that finds every slot busy wait until one is released, and counts its wait', async () => {
    const { pool, store, waits } = setup({ maxSize: 2 });
    const held = [await pool.acquire({ timeoutMs: 0 }), await pool.acquire({ timeoutMs: 0 })];
    waits.push(
      () => undefined,
      () => void held[1]?.release(),
    );
    const slot = await pool.acquire({ timeoutMs: 1_000 });
    expect([slot.slot, slot.emergency, slot.waitedMs]).toEqual([1, false, 50]);
    expect((await store.read('crm')).counters).toMatchObject({
      requestsServed: 3,
      totalWaitMs: 50,
      peakUsage: 2,
    });
    expect(await pool.stats()).toMatchObject({ requestsServed: 3, averageWaitMs: 50 / 3, peakUsage: 2 });
  });

  it('hands a request still waiting at its timeout an emergency slot while the pool is below its maximum', async () => {
    const { pool, store, clock } = setup();
    // Other containers hold both slots of the pool without having grown it.
    await store.resize('crm', undefined, 2);
    for (const slot of [0, 1]) await store.grant('crm', slot, `other-${slot}`, clock.now(), 60_000);
    const slot = await pool.acquire({ timeoutMs: 100 });
    expect([slot.slot, slot.emergency]).toEqual([2, true]);
    expect(slot.waitedMs).toBeGreaterThanOrEqual(100);
    // Three of three now busy: past the threshold, the pool grew once more for the next request.
    expect((await pool.stats()).size).toBe(4);
  });

  it('refuses a request at its timeout with a transient PoolExhaustedError once the pool is at its maximum', async () => {
    const { pool } = setup({ minSize: 1, maxSize: 2 });
    await pool.acquire({ timeoutMs: 0 });
    await pool.acquire({ timeoutMs: 0 });
    await expect(pool.acquire({ timeoutMs: 200 })).rejects.toMatchObject({
      name: 'PoolExhaustedError',
      code: 'POOL_EXHAUSTED',
      transient: true,
      size: 2,
      waitedMs: 200,
    });
  });

  it('gives a crashed holder’s slot to the next request once its lease ends, with a higher fencing token', async () => {
    const { pool, clock } = setup({ minSize: 1, maxSize: 1 });
    const crashed = await pool.acquire({ timeoutMs: 0, holder: 'crashed' });
    clock.advanceMs(10_000);
    const next = await pool.acquire({ timeoutMs: 0, holder: 'next' });
    expect([next.slot, next.fencingToken]).toEqual([crashed.slot, crashed.fencingToken + 1]);
    // The crashed holder coming back cannot free the slot it no longer holds.
    expect(await crashed.release()).toBe(false);
    expect((await pool.stats()).busy).toBe(1);
  });

  it('shrinks by one on a release that leaves it idle above its minimum, never below it', async () => {
    const { pool } = setup({ minSize: 1, maxSize: 4 });
    const slots = [];
    for (let i = 0; i < 3; i++) slots.push(await pool.acquire({ timeoutMs: 0 }));
    expect((await pool.stats()).size).toBe(4);
    // Releases 2, 1, 0: busy 2/4 keeps the size, 1/4 and then 0/3 are below 30 % and shrink it.
    for (const slot of slots.reverse()) expect(await slot.release()).toBe(true);
    expect(await pool.stats()).toMatchObject({ size: 2, busy: 0 });
    for (let round = 0; round < 2; round++) await (await pool.acquire({ timeoutMs: 0 })).release();
    expect((await pool.stats()).size).toBe(1);
  });

  it.each([
    [{ minSize: 0 }, 'minSize is a whole number ≥ 1'],
    [{ minSize: 3, maxSize: 2 }, 'maxSize is a whole number ≥ minSize'],
    [{ scaleThreshold: 1.5 }, 'scaleThreshold is in (0, 1]'],
  ])('refuses options that cannot work (%o)', (options, problem) => {
    expect(() => setup(options)).toThrow(`pool crm: ${problem}`);
  });
});
