import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/** An item store used in a way it does not support (a table without a string partition key); `InvalidItemError` refines it. */
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
