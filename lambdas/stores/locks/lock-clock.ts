/**
 * Source of the current time in epoch milliseconds. The lock manager reads it once per operation and hands
 * the value to the store, which compares lease ends with it inside its atomic write (on DynamoDB, as the
 * `:now` value of the condition expression). Injecting it moves expiry deterministically in tests on both
 * adapters; in production every client must run a synchronised clock (leases are minutes, NTP skew is ms).
 *
 * @example
 * ```ts
 * let now = Date.now();
 * const testClock: LockClock = { now: () => now };
 * now += 301_000; // every 300 s lease taken before this line has ended
 * ```
 */
export interface LockClock {
  now(): number;
}

/** The wall clock. */
export const systemLockClock: LockClock = { now: () => Date.now() };
