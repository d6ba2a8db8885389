/**
 * How often, and how patiently, failed PutEvents entries are resent. Delays grow exponentially from
 * `baseDelayMs` up to `maxDelayMs` with full jitter (a uniformly random delay below the cap), which spreads
 * retries of many concurrent publishers instead of synchronising them on the throttled partition.
 */
export interface RetryPolicy {
  /** Calls per batch including the first; at least 1. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Five calls over at most ~1.5 s: long enough for a throttling burst to pass, short for a Lambda budget. */
export const DEFAULT_PUBLISH_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 50, maxDelayMs: 1_000 };

/**
 * The delay before retry number `retry` (1 = the first resend): full jitter over an exponential cap.
 *
 * @example
 * ```ts
 * backoffDelayMs(3, DEFAULT_PUBLISH_RETRY, Math.random); // somewhere in [0, 200)
 * ```
 */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * cap);
}
