import { SAGA_TASK_ERRORS } from '../../contracts/order/saga-task-errors.js';

/** Base of every error the inventory agent raises; `code` is stable so callers branch on it. */
export class InventoryError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export const isInventoryError = (error: unknown): error is InventoryError => error instanceof InventoryError;

/**
 * CheckInventory / ReserveInventory (saga tasks): a line asks for more than is in stock (an unknown SKU has
 * 0). Step Functions catches it by name; a reservation that fails with it changed no stock.
 */
export class InsufficientStockError extends InventoryError {
  readonly sku: string;
  readonly requested: number;
  readonly available: number;

  constructor(sku: string, requested: number, available: number, options?: { cause?: unknown }) {
    super(
      SAGA_TASK_ERRORS.InsufficientStockError.code,
      `Insufficient stock for ${sku}: requested ${requested}, available ${available}`,
      options,
    );
    this.sku = sku;
    this.requested = requested;
    this.available = available;
  }
}

export const isInsufficientStockError = (error: unknown): error is InsufficientStockError =>
  error instanceof InsufficientStockError;

/** A saga asked for the same step with different items than it recorded: a bug upstream, never retried. */
export class ReservationMismatchError extends InventoryError {
  readonly sagaId: string;

  constructor(sagaId: string, options?: { cause?: unknown }) {
    super('RESERVATION_MISMATCH', `Saga "${sagaId}" already reserved different items`, options);
    this.sagaId = sagaId;
  }
}

export const isReservationMismatchError = (error: unknown): error is ReservationMismatchError =>
  error instanceof ReservationMismatchError;
