import { InvalidLockRequestError } from './lock-error.js';

/** Options of `LockManager.acquire`. */
export interface AcquireOptions {
  /** Who asks. One logical holder (e.g. `${functionName}:${requestId}`): the same owner re-enters. */
  readonly owner: string;
  /** Lease length; the holder must `extend` before it ends or lose the lock. Default 300. */
  readonly ttlSeconds?: number;
  /** Queue (FIFO) when another owner holds the lock, instead of failing at once. Default false. */
  readonly wait?: boolean;
  /** How long to wait in the queue before `LockWaitTimeoutError`. Default 30,000. */
  readonly waitTimeoutMs?: number;
}

export interface ValidAcquireRequest {
  readonly owner: string;
  readonly ttlMs: number;
  readonly wait: boolean;
  readonly waitTimeoutMs: number;
}

export const DEFAULT_LOCK_TTL_SECONDS = 300;
export const DEFAULT_LOCK_WAIT_TIMEOUT_MS = 30_000;

/** The partition key limit is 2,048 bytes; half of it keeps room for prefixes a caller may add. */
const MAX_RESOURCE_BYTES = 1024;
const MAX_OWNER_BYTES = 256;
const MAX_LOCK_ID_BYTES = 128;
const MAX_TTL_SECONDS = 365 * 24 * 3600;
const MAX_WAIT_TIMEOUT_MS = 24 * 3600 * 1000;

const text = (resource: string, field: string, value: unknown, maxBytes: number): string => {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InvalidLockRequestError(resource, field, value, 'must be a non-empty string');
  }
  if (Buffer.byteLength(value, 'utf8') > maxBytes) {
    throw new InvalidLockRequestError(resource, field, value, `must be at most ${maxBytes} bytes (UTF-8)`);
  }
  return value;
};

const positive = (resource: string, field: string, value: unknown, max: number): number => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max) {
    throw new InvalidLockRequestError(resource, field, value, `must be a finite number in (0, ${max}]`);
  }
  return value;
};

/** Throws `InvalidLockRequestError` unless `resource` is a usable partition key. */
export const validateResource = (resource: unknown): string =>
  text(typeof resource === 'string' ? resource : String(resource), 'resource', resource, MAX_RESOURCE_BYTES);

export const validateLockId = (resource: string, lockId: unknown): string =>
  text(resource, 'lockId', lockId, MAX_LOCK_ID_BYTES);

/** Seconds → whole milliseconds (at least 1), so sub-second test leases work. */
export const validateTtlSeconds = (resource: string, ttlSeconds: unknown): number =>
  Math.max(1, Math.round(positive(resource, 'ttlSeconds', ttlSeconds, MAX_TTL_SECONDS) * 1000));

/**
 * Checks and completes `acquire` options; nothing is read or written before this passes.
 *
 * @example
 * ```ts
 * validateAcquireOptions('order/42', { owner: 'w1', wait: true }); // { ttlMs: 300000, waitTimeoutMs: 30000, … }
 * ```
 */
export const validateAcquireOptions = (resource: string, options: AcquireOptions): ValidAcquireRequest => {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidLockRequestError(resource, 'options', options, 'must be an object with an owner');
  }
  const owner = text(resource, 'owner', options.owner, MAX_OWNER_BYTES);
  const ttlMs = validateTtlSeconds(resource, options.ttlSeconds ?? DEFAULT_LOCK_TTL_SECONDS);
  if (options.wait !== undefined && typeof options.wait !== 'boolean') {
    throw new InvalidLockRequestError(resource, 'wait', options.wait, 'must be a boolean');
  }
  const waitTimeoutMs = positive(
    resource,
    'waitTimeoutMs',
    options.waitTimeoutMs ?? DEFAULT_LOCK_WAIT_TIMEOUT_MS,
    MAX_WAIT_TIMEOUT_MS,
  );
  return { owner, ttlMs, wait: options.wait ?? false, waitTimeoutMs };
};
