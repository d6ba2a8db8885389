import { AgentbridgeError } from '../../contracts/agentbridge-error.js';
import { SAGA_TASK_ERRORS } from '../../contracts/order/saga-task-errors.js';

/** CreateOrder (saga task): the order id already belongs to another saga. Caught by name. */
export class OrderAlreadyExistsError extends AgentbridgeError {
  override readonly name = 'OrderAlreadyExistsError';
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

/** `recordTransition` for an order that was never created. */
export class OrderNotFoundError extends AgentbridgeError {
  override readonly name = 'OrderNotFoundError';
  readonly orderId: string;

  constructor(orderId: string, options?: { cause?: unknown }) {
    super('ORDER_NOT_FOUND', `Order "${orderId}" does not exist`, options);
    this.orderId = orderId;
  }
}

/**
 * `recordTransition` the aggregate refuses: not allowed from the order's state (the lifecycle and the
 * aggregate disagree), or missing what the target state needs (a tracking number for `shipped`).
 */
export class InvalidOrderTransitionError extends AgentbridgeError {
  override readonly name = 'InvalidOrderTransitionError';
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
