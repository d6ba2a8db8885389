import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/** DynamoDB failed or kept conflicting (throttling, a transaction conflict): transient, retry the step. */
export class InventoryStoreUnavailableError extends AgentbridgeError {
  override readonly name = 'InventoryStoreUnavailableError';
  readonly operation: string;
  /** Read by the Lambda layer's `isTransientError`: a later attempt can succeed. */
  override readonly transient = true;

  constructor(operation: string, options?: { cause?: unknown }) {
    super('INVENTORY_STORE_UNAVAILABLE', `Inventory ${operation} failed: ${String(options?.cause)}`, options);
    this.operation = operation;
  }
}

/** A stored item does not have the shape this code writes. Not transient: a repeat reads the same item. */
export class CorruptInventoryItemError extends AgentbridgeError {
  override readonly name = 'CorruptInventoryItemError';
  readonly key: string;

  constructor(key: string, detail: string, options?: { cause?: unknown }) {
    super('CORRUPT_INVENTORY_ITEM', `Inventory item ${key} is corrupt: ${detail}`, options);
    this.key = key;
  }
}
