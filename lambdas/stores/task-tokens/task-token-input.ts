import { createHash } from 'node:crypto';
import { InvalidTaskTokenInputError } from './task-token-error.js';

/** Longest order id (UTF-8 bytes) accepted: within DynamoDB's partition key limit. */
export const MAX_ORDER_ID_BYTES = 1024;
/** Longest trigger (UTF-8 bytes) accepted: within DynamoDB's sort key limit with its item prefix. */
export const MAX_TRIGGER_BYTES = 256;
/** Step Functions task tokens are at most 2,048 characters (SendTaskSuccess `taskToken`). */
export const MAX_TASK_TOKEN_LENGTH = 2048;
/** A Standard workflow runs at most one year, so no token needs to live longer. */
export const MAX_TASK_TOKEN_TTL_SECONDS = 366 * 24 * 60 * 60;
/** Event ids and wait states are short identifiers. */
const MAX_ID_BYTES = 256;
/** SendTaskSuccess accepts at most 256 KiB of output. */
export const MAX_SIGNAL_BYTES = 256 * 1024;

/** Sort keys of the three item kinds of an order's partition: `#` never occurs in a trigger name. */
export const itemKey = {
  wait: (trigger: string): string => trigger,
  inbox: (trigger: string): string => `inbox#${trigger}`,
  /** Tokens are up to 2,048 characters: the claim is keyed by a digest of the token instead. */
  claim: (token: string): string => `claim#${createHash('sha256').update(token).digest('hex')}`,
} as const;

/** Which kind of item a sort key names. */
export const kindOfKey = (key: string): 'wait' | 'inbox' | 'claim' =>
  key.startsWith('inbox#') ? 'inbox' : key.startsWith('claim#') ? 'claim' : 'wait';

type Field = InvalidTaskTokenInputError['field'];

const assertText = (field: Field, value: unknown, maxBytes: number): void => {
  if (typeof value !== 'string' || value === '')
    throw new InvalidTaskTokenInputError(field, 'must be a non-empty string');
  if (Buffer.byteLength(value, 'utf8') > maxBytes) {
    throw new InvalidTaskTokenInputError(field, `must be at most ${maxBytes} UTF-8 bytes`);
  }
};

/** Validates an order id (every operation). */
export const assertOrderId = (orderId: unknown): void => assertText('orderId', orderId, MAX_ORDER_ID_BYTES);

/** Validates an order id and trigger (a trigger never contains `#`, the item kinds' separator). */
export const assertTokenKey = (orderId: unknown, trigger: unknown): void => {
  assertOrderId(orderId);
  assertText('trigger', trigger, MAX_TRIGGER_BYTES);
  if ((trigger as string).includes('#'))
    throw new InvalidTaskTokenInputError('trigger', 'must not contain #');
};

/** Validates a task token. */
export const assertToken = (token: unknown): void => {
  if (typeof token !== 'string' || token === '') {
    throw new InvalidTaskTokenInputError('token', 'must be a non-empty string');
  }
  if (token.length > MAX_TASK_TOKEN_LENGTH) {
    throw new InvalidTaskTokenInputError('token', `must be at most ${MAX_TASK_TOKEN_LENGTH} characters`);
  }
};

/** Validates an event id. */
export const assertEventId = (eventId: unknown): void => assertText('eventId', eventId, MAX_ID_BYTES);

/**
 * Validates a lifetime and returns the expiry in epoch seconds, rounded up so an item is never treated as
 * expired before its full TTL has passed.
 */
export const expiryOf = (ttl: unknown, nowMs: number): number => {
  if (typeof ttl !== 'number' || !Number.isSafeInteger(ttl) || ttl < 1 || ttl > MAX_TASK_TOKEN_TTL_SECONDS) {
    throw new InvalidTaskTokenInputError(
      'ttlSeconds',
      `must be a whole number of seconds from 1 to ${MAX_TASK_TOKEN_TTL_SECONDS}, got ${String(ttl)}`,
    );
  }
  return Math.ceil(nowMs / 1000) + ttl;
};

/**
 * Validates a put and returns the expiry in epoch seconds.
 *
 * @example
 * const expiresAt = validateTaskTokenPut({ orderId: 'o-1', trigger: 'Paid', state: 'created', token: 't', ttlSeconds: 60 }, Date.now());
 */
export const validateTaskTokenPut = (
  entry: { orderId: unknown; trigger: unknown; state: unknown; token: unknown; ttlSeconds: unknown },
  nowMs: number,
): number => {
  assertTokenKey(entry.orderId, entry.trigger);
  assertText('state', entry.state, MAX_ID_BYTES);
  assertToken(entry.token);
  return expiryOf(entry.ttlSeconds, nowMs);
};

/** Validates a trigger record and returns its expiry in epoch seconds. */
export const validateTriggerRecord = (
  entry: { orderId: unknown; trigger: unknown; eventId: unknown; signal: unknown; ttlSeconds: unknown },
  nowMs: number,
): number => {
  assertTokenKey(entry.orderId, entry.trigger);
  assertEventId(entry.eventId);
  assertText('signal', entry.signal, MAX_SIGNAL_BYTES);
  return expiryOf(entry.ttlSeconds, nowMs);
};

/** Validates a claim and returns its expiry in epoch seconds. */
export const validateWaitClaim = (
  entry: { orderId: unknown; token: unknown; trigger: unknown; eventId: unknown; ttlSeconds: unknown },
  nowMs: number,
): number => {
  assertTokenKey(entry.orderId, entry.trigger);
  assertToken(entry.token);
  assertEventId(entry.eventId);
  return expiryOf(entry.ttlSeconds, nowMs);
};

/** An item is live while its expiry (epoch seconds) is still ahead of the clock. */
export const isLive = (expiresAt: number, nowMs: number): boolean => expiresAt * 1000 > nowMs;
