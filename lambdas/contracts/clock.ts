/**
 * The one clock port of the library: the source of the current time in epoch milliseconds. Stores, agents
 * and the local engines take it by injection, so expiry, leases and timestamps move deterministically in
 * tests, and every part of one system judges time against the same source. Read it once per operation.
 *
 * @example
 * ```ts
 * let now = Date.UTC(2026, 0, 1);
 * const testClock: Clock = { now: () => now };
 * const locks = new LockManager({ store, clock: testClock });
 * now += 301_000; // every 300 s lease taken before this line has ended
 * ```
 */
export interface Clock {
  now(): number;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };
