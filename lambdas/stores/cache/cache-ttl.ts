import { InvalidCacheTtlError } from './cache-error.js';

/**
 * Checks a TTL and turns it into an absolute expiry in epoch milliseconds.
 *
 * @throws InvalidCacheTtlError unless `ttlSeconds` is a positive, finite number.
 * @example
 * ```ts
 * expiryAfter(Date.UTC(2026, 0, 1), 30, 'entry'); // 30 s later, in epoch ms
 * ```
 */
export const expiryAfter = (nowMs: number, ttlSeconds: number, context: string): number => {
  assertCacheTtl(ttlSeconds, context);
  return nowMs + ttlSeconds * 1000;
};

/** @throws InvalidCacheTtlError unless `ttlSeconds` is a positive, finite number. */
export function assertCacheTtl(ttlSeconds: number, context: string): void {
  if (typeof ttlSeconds !== 'number' || !Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
    throw new InvalidCacheTtlError(ttlSeconds, context);
  }
}

/** The cap a per-entry `ttlSeconds` option puts on every layer's TTL; no option, no cap. */
export const ttlCapOf = (options: { readonly ttlSeconds?: number } | undefined): number => {
  if (options?.ttlSeconds === undefined) return Number.POSITIVE_INFINITY;
  assertCacheTtl(options.ttlSeconds, 'entry');
  return options.ttlSeconds;
};
