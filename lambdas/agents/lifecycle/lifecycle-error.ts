import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/**
 * A trigger that is not valid in the order's current state ("an invalid trigger returns a clear
 * error naming state and trigger"): no wait takes it now and none coming will (wrong state, already handled,
 * finished, unknown order). Nothing changed; the agent publishes
 * OrderTransitionRejected with the same fields.
 */
export class TransitionRejectedError extends AgentbridgeError {
  override readonly name = 'TransitionRejectedError';
  readonly orderId: string;
  readonly trigger: string;
  /** The order's recorded state, or `unknown` when no order was ever created. */
  readonly state: string;
  /** What the order IS waiting for right now. */
  readonly awaitedTriggers: readonly string[];
  readonly reason: string;

  constructor(
    fields: {
      orderId: string;
      trigger: string;
      state: string;
      awaitedTriggers: readonly string[];
      reason: string;
    },
    options?: { cause?: unknown },
  ) {
    const awaiting = fields.awaitedTriggers.length === 0 ? 'nothing' : fields.awaitedTriggers.join(' or ');
    super(
      'TRANSITION_REJECTED',
      `Order ${fields.orderId} rejected ${fields.trigger} in state ${fields.state} (awaiting ${awaiting}): ${fields.reason}`,
      options,
    );
    this.orderId = fields.orderId;
    this.trigger = fields.trigger;
    this.state = fields.state;
    this.awaitedTriggers = fields.awaitedTriggers;
    this.reason = fields.reason;
  }
}

export const isTransitionRejectedError = (error: unknown): error is TransitionRejectedError =>
  error instanceof TransitionRejectedError;

/**
 * A wait was resumed by a trigger that does not lead to the state the machine enters next: the lifecycle agent
 * and the state machine disagree (a defect). Not retried; the task's Catch compensates or parks the order.
 */
export class UnexpectedLifecycleTriggerError extends AgentbridgeError {
  override readonly name = 'UnexpectedLifecycleTriggerError';
  readonly orderId: string;
  readonly trigger: string;
  readonly entering: string;

  constructor(fields: { orderId: string; trigger: string; entering: string }) {
    super(
      'UNEXPECTED_LIFECYCLE_TRIGGER',
      `Order ${fields.orderId} cannot enter ${fields.entering} on ${fields.trigger}`,
    );
    this.orderId = fields.orderId;
    this.trigger = fields.trigger;
    this.entering = fields.entering;
  }
}
