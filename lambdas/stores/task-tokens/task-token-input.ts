import { InvalidTaskTokenInputError } from './task-token-error.js';

/** Longest order id (UTF-8 bytes) accepted: within DynamoDB's partition key limit. */
export const MAX_ORDER_ID_BYTES = 1024;
/** Longest trigger (UTF-8 bytes) accepted: within DynamoDB's sort key limit. */
export const MAX_TRIGGER_BYTES = 256;
/** Step Functions task tokens are at most 2,048 characters (SendTaskSuccess `taskToken`). */
export const MAX_TASK_TOKEN_LENGTH = 2048;
/** A Standard workflow runs at most one year, so no token needs to live longer. */
export const MAX_TASK_TOKEN_TTL_SECONDS = 366 * 24 * 60 * 60;

const assertText = (field: 'orderId' | 'trigger', value: unknown, maxBytes: number): void => {
  if (typeof value !== 'string' || value === '')
    throw new InvalidTaskTokenInputError(field, 'must be a non-empty string');
  if (Buffer.byteLength(value, 'utf8') > maxBytes) {
    throw new InvalidTaskTokenInputError(field, `must be at most ${maxBytes} UTF-8 bytes`);
  }
};

/** Validates an order id (every operation). */
export const assertOrderId = (orderId: unknown): void => assertText('orderId', orderId, MAX_ORDER_ID_BYTES);

/** Validates an order id and trigger (take). */
export const assertTokenKey = (orderId: unknown, trigger: unknown): void => {
  assertOrderId(orderId);
  assertText('trigger', trigger, MAX_TRIGGER_BYTES);
};

/**
 * Validates a put and returns the expiry in epoch seconds, rounded up so a token is never treated as expired
 * before its full TTL has passed.
 *
 * @example
 * const expiresAt = validateTaskTokenPut({ orderId: 'o-1', trigger: 'Paid', token: 't', ttlSeconds: 60 }, Date.now());
 */
export const validateTaskTokenPut = (
  entry: { orderId: unknown; trigger: unknown; token: unknown; ttlSeconds: unknown },
  nowMs: number,
): number => {
  assertTokenKey(entry.orderId, entry.trigger);
  if (typeof entry.token !== 'string' || entry.token === '') {
    throw new InvalidTaskTokenInputError('token', 'must be a non-empty string');
  }
  if (entry.token.length > MAX_TASK_TOKEN_LENGTH) {
    throw new InvalidTaskTokenInputError('token', `must be at most ${MAX_TASK_TOKEN_LENGTH} characters`);
  }
  const ttl = entry.ttlSeconds;
  if (typeof ttl !== 'number' || !Number.isSafeInteger(ttl) || ttl < 1 || ttl > MAX_TASK_TOKEN_TTL_SECONDS) {
    throw new InvalidTaskTokenInputError(
      'ttlSeconds',
      `must be a whole number of seconds from 1 to ${MAX_TASK_TOKEN_TTL_SECONDS}, got ${String(ttl)}`,
    );
  }
  return Math.ceil(nowMs / 1000) + ttl;
};

/** A token is live while its expiry (epoch seconds) is still ahead of the clock. */
export const isLive = (expiresAt: number, nowMs: number): boolean => expiresAt * 1000 > nowMs;
