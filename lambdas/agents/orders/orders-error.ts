import { SAGA_TASK_ERRORS } from '../../contracts/order/saga-task-errors.js';

/** Base of every error the orders agent raises; `code` is stable so callers branch on it. */
export class OrdersError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export const isOrdersError = (error: unknown): error is OrdersError => error instanceof OrdersError;

/** CreateOrder (saga task): the order id already belongs to another saga. Caught by name. */
export class OrderAlreadyExistsError extends OrdersError {
  readonly orderId: string;
  readonly sagaId: string;

  constructor(orderId: string, sagaId: string, options?: { cause?: unknown }) {
    super(
      SAGA_TASK_ERRORS.OrderAlreadyExistsError.code,
      `Order "${orderId}" already exists (created by another saga than "${sagaId}")`,
      options,
    );
    this.orderId = orderId;
    this.sagaId = sagaId;
  }
}

export const isOrderAlreadyExistsError = (error: unknown): error is OrderAlreadyExistsError =>
  error instanceof OrderAlreadyExistsError;

/** `recordTransition` for an order that was never created. */
export class OrderNotFoundError extends OrdersError {
  readonly orderId: string;

  constructor(orderId: string, options?: { cause?: unknown }) {
    super('ORDER_NOT_FOUND', `Order "${orderId}" does not exist`, options);
    this.orderId = orderId;
  }
}

export const isOrderNotFoundError = (error: unknown): error is OrderNotFoundError =>
  error instanceof OrderNotFoundError;

/**
 * `recordTransition` the aggregate refuses: not allowed from the order's state (the lifecycle and the
 * aggregate disagree), or missing what the target state needs (a tracking number for `shipped`).
 */
export class InvalidOrderTransitionError extends OrdersError {
  readonly orderId: string;
  readonly state: string;
  readonly to: string;

  constructor(orderId: string, state: string, to: string, detail?: string, options?: { cause?: unknown }) {
    const why = detail === undefined ? '' : `: ${detail}`;
    super('INVALID_ORDER_TRANSITION', `Order "${orderId}" cannot go from ${state} to ${to}${why}`, options);
    this.orderId = orderId;
    this.state = state;
    this.to = to;
  }
}

export const isInvalidOrderTransitionError = (error: unknown): error is InvalidOrderTransitionError =>
  error instanceof InvalidOrderTransitionError;
