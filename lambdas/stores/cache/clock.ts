/**
 * Source of the current time in epoch milliseconds. Injected so expiry can be tested without waiting and
 * so every layer of one cache judges expiry against the same time.
 *
 * @example
 * ```ts
 * let now = Date.UTC(2026, 0, 1);
 * const testClock: Clock = { now: () => now };
 * ```
 */
export interface Clock {
  now(): number;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };
