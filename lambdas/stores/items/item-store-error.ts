import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/** Base of every error an item store raises; `code` is stable, so callers branch on it. */
export class ItemStoreError extends AgentbridgeError {
  override readonly name: string = 'ItemStoreError';
}

/** An item the schema refuses, a key that is not a non-empty string, or an item DynamoDB refuses (over 400 KB). */
export class InvalidItemError extends ItemStoreError {
  override readonly name = 'InvalidItemError';
  readonly table: string;
  readonly reason: string;

  constructor(table: string, reason: string, options?: { cause?: unknown }) {
    super('INVALID_ITEM', `Invalid item for table ${table}: ${reason}`, options);
    this.table = table;
    this.reason = reason;
  }
}

/** A stored item the schema refuses: written by other code, or before the schema changed. Not transient. */
export class CorruptItemError extends ItemStoreError {
  override readonly name = 'CorruptItemError';
  readonly table: string;
  readonly key: string;

  constructor(table: string, key: string, reason: string) {
    super('CORRUPT_ITEM', `Item "${key}" of table ${table} is corrupt: ${reason}`);
    this.table = table;
    this.key = key;
  }
}

/** DynamoDB failed (throttling, a network fault, permissions): a later attempt can succeed. */
export class ItemStoreUnavailableError extends ItemStoreError {
  override readonly name = 'ItemStoreUnavailableError';
  readonly operation: 'get' | 'put';
  /** Read by the Lambda layer's `isTransientError`: the delivery is retried. */
  override readonly transient = true;

  constructor(table: string, operation: 'get' | 'put', options?: { cause?: unknown }) {
    super(
      'ITEM_STORE_UNAVAILABLE',
      `Item ${operation} on table ${table} failed: ${String(options?.cause)}`,
      options,
    );
    this.operation = operation;
  }
}
