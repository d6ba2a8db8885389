import { AgentbridgeError, type AgentbridgeErrorOptions } from '../../contracts/agentbridge-error.js';

/**
 * Base of every error the lock store raises. `code` is stable, so callers (and the wire) branch on it rather
 * than on `instanceof`.
 */
export abstract class LockError extends AgentbridgeError {
  readonly resource: string;

  constructor(code: string, resource: string, message: string, options?: AgentbridgeErrorOptions) {
    super(code, message, options);
    this.resource = resource;
  }
}

/**
 * The lock is held by another owner (or, when `holder` is undefined, it is free but reserved for waiters
 * queued earlier: FIFO forbids jumping the queue) and the caller did not ask to wait.
 */
export class LockHeldError extends LockError {
  override readonly name = 'LockHeldError';
  readonly requester: string;
  readonly holder: string | undefined;
  readonly holderExpiresAt: number | undefined;

  constructor(
    resource: string,
    requester: string,
    holder: { owner: string; expiresAt: number } | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      'LOCK_HELD',
      resource,
      holder === undefined
        ? `Lock "${resource}" is reserved for earlier waiters; "${requester}" did not ask to wait`
        : `Lock "${resource}" is held by "${holder.owner}" until ${new Date(holder.expiresAt).toISOString()}`,
      options,
    );
    this.requester = requester;
    this.holder = holder?.owner;
    this.holderExpiresAt = holder?.expiresAt;
  }
}

/** A waiter did not get the lock before its `waitTimeoutMs`; it has left the queue. */
export class LockWaitTimeoutError extends LockError {
  override readonly name = 'LockWaitTimeoutError';
  readonly owner: string;
  readonly waitTimeoutMs: number;

  constructor(resource: string, owner: string, waitTimeoutMs: number, options?: { cause?: unknown }) {
    super(
      'LOCK_WAIT_TIMEOUT',
      resource,
      `"${owner}" waited ${waitTimeoutMs} ms for lock "${resource}"`,
      options,
    );
    this.owner = owner;
    this.waitTimeoutMs = waitTimeoutMs;
  }
}

/** `release` with a lock id that is not the current grant (never granted, already released, taken over). */
export class NotLockOwnerError extends LockError {
  override readonly name = 'NotLockOwnerError';
  readonly lockId: string;
  readonly currentOwner: string | undefined;

  constructor(
    resource: string,
    lockId: string,
    currentOwner: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      'NOT_LOCK_OWNER',
      resource,
      `Lock id "${lockId}" does not own "${resource}" (${currentOwner === undefined ? 'it is free' : `held by "${currentOwner}"`})`,
      options,
    );
    this.lockId = lockId;
    this.currentOwner = currentOwner;
  }
}

/** `extend` (heartbeat) of a grant that no longer exists: released, or taken over after its lease ended. */
export class LockLostError extends LockError {
  override readonly name = 'LockLostError';
  readonly lockId: string;
  readonly currentOwner: string | undefined;

  constructor(
    resource: string,
    lockId: string,
    currentOwner: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      'LOCK_LOST',
      resource,
      `Lock "${resource}" was lost by grant "${lockId}" (${currentOwner === undefined ? 'now free' : `now held by "${currentOwner}"`})`,
      options,
    );
    this.lockId = lockId;
    this.currentOwner = currentOwner;
  }
}

/** A write to a fenced resource carried a token older than one the resource has already accepted. */
export class StaleFencingTokenError extends LockError {
  override readonly name = 'StaleFencingTokenError';
  readonly fencingToken: number;
  readonly lastFencingToken: number | undefined;

  constructor(
    resource: string,
    fencingToken: number,
    lastFencingToken: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      'STALE_FENCING_TOKEN',
      resource,
      `Write to "${resource}" with fencing token ${fencingToken} rejected: a newer token${lastFencingToken === undefined ? '' : ` (${lastFencingToken})`} was already accepted`,
      options,
    );
    this.fencingToken = fencingToken;
    this.lastFencingToken = lastFencingToken;
  }
}

/** Bad input (empty resource, non-positive TTL, …); nothing was read or written. */
export class InvalidLockRequestError extends LockError {
  override readonly name = 'InvalidLockRequestError';
  readonly field: string;
  readonly value: unknown;
  readonly rule: string;

  constructor(resource: string, field: string, value: unknown, rule: string) {
    super('INVALID_LOCK_REQUEST', resource, `Invalid lock request for "${resource}": ${field} ${rule}`);
    this.field = field;
    this.value = value;
    this.rule = rule;
  }
}

/** Conditional writes kept losing races (transaction conflicts) past the retry budget; safe to retry later. */
export class LockContentionError extends LockError {
  override readonly name = 'LockContentionError';
  readonly attempts: number;

  constructor(resource: string, attempts: number, options?: { cause?: unknown }) {
    super('LOCK_CONTENTION', resource, `Lock "${resource}" still contended after ${attempts} attempts`, {
      ...options,
      transient: true,
    });
    this.attempts = attempts;
  }
}

/** A stored lock item lacks an attribute or has the wrong type (hand-edited, or written by something else). */
export class CorruptLockItemError extends LockError {
  override readonly name = 'CorruptLockItemError';
  readonly sortKey: string;
  readonly attribute: string;

  constructor(resource: string, sortKey: string, attribute: string) {
    super('CORRUPT_LOCK_ITEM', resource, `Lock item "${resource}"/"${sortKey}" has no valid "${attribute}"`);
    this.sortKey = sortKey;
    this.attribute = attribute;
  }
}
