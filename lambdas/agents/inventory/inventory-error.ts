import { AgentbridgeError } from '../../contracts/agentbridge-error.js';
import { SAGA_TASK_ERRORS } from '../../contracts/order/saga-task-errors.js';

/**
 * CheckInventory / ReserveInventory (saga tasks): a line asks for more than is in stock (an unknown SKU has
 * 0). Step Functions catches it by name; a reservation that fails with it changed no stock.
 */
export class InsufficientStockError extends AgentbridgeError {
  override readonly name = 'InsufficientStockError';
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

/** A saga asked for the same step with different items than it recorded: a bug upstream, never retried. */
export class ReservationMismatchError extends AgentbridgeError {
  override readonly name = 'ReservationMismatchError';
  readonly sagaId: string;

  constructor(sagaId: string, options?: { cause?: unknown }) {
    super('RESERVATION_MISMATCH', `Saga "${sagaId}" already reserved different items`, options);
    this.sagaId = sagaId;
  }
}
