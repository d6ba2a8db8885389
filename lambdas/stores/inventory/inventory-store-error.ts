/** Base of every error the inventory store raises; `code` is stable so callers branch on it. */
export class InventoryStoreError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export const isInventoryStoreError = (error: unknown): error is InventoryStoreError =>
  error instanceof InventoryStoreError;

/** DynamoDB failed or kept conflicting (throttling, a transaction conflict): transient, retry the step. */
export class InventoryStoreUnavailableError extends InventoryStoreError {
  readonly operation: string;
  /** Read by the Lambda layer's `isTransientError`: a later attempt can succeed. */
  readonly transient = true;

  constructor(operation: string, options?: { cause?: unknown }) {
    super('INVENTORY_STORE_UNAVAILABLE', `Inventory ${operation} failed: ${String(options?.cause)}`, options);
    this.operation = operation;
  }
}

export const isInventoryStoreUnavailableError = (error: unknown): error is InventoryStoreUnavailableError =>
  error instanceof InventoryStoreUnavailableError;

/** A stored item does not have the shape this code writes. Not transient: a repeat reads the same item. */
export class CorruptInventoryItemError extends InventoryStoreError {
  readonly key: string;

  constructor(key: string, detail: string, options?: { cause?: unknown }) {
    super('CORRUPT_INVENTORY_ITEM', `Inventory item ${key} is corrupt: ${detail}`, options);
    this.key = key;
  }
}

export const isCorruptInventoryItemError = (error: unknown): error is CorruptInventoryItemError =>
  error instanceof CorruptInventoryItemError;
