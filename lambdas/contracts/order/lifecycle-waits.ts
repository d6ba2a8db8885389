import type { LifecycleTrigger, OrderState } from './lifecycle-messages.js';

/** A lifecycle state in which the execution parks on a task token until a trigger arrives. */
export type WaitingState = Extract<OrderState, 'created' | 'paid' | 'processing' | 'shipped'>;

export interface LifecycleWait {
  /** The `.waitForTaskToken` state of `order-lifecycle.asl.json`. */
  readonly stateName: string;
  /** The triggers that resume it; each is stored as its own task-token item, all with the same token. */
  readonly awaiting: readonly LifecycleTrigger[];
  /**
   * How long the order may go without news before it expires (`States.HeartbeatTimeout`). Nothing sends
   * heartbeats today, so this is the effective deadline; it is also the stored token's TTL.
   */
  readonly heartbeatSeconds: number;
  /** The hard cap of the wait (`States.Timeout`), for a wait someone keeps alive with SendTaskHeartbeat. */
  readonly timeoutSeconds: number;
}

const HOUR = 3_600;
const DAY = 24 * HOUR;

/**
 * Where the order lifecycle waits, what for and how long. The ASL repeats these numbers (it is
 * plain JSON); a test checks the file against this table. Every deadline stays below 24.8 days, the longest
 * delay a JavaScript timer supports, so the offline engine can enforce it too.
 *
 * @example
 * ```ts
 * LIFECYCLE_WAITS.paid.awaiting; // ['ProcessingStarted', 'OrderCancelled']
 * ```
 */
export const LIFECYCLE_WAITS: Readonly<Record<WaitingState, LifecycleWait>> = {
  created: {
    stateName: 'AwaitPayment',
    awaiting: ['PaymentCompleted', 'OrderCancelled'],
    heartbeatSeconds: DAY,
    timeoutSeconds: DAY + HOUR,
  },
  paid: {
    stateName: 'AwaitProcessing',
    awaiting: ['ProcessingStarted', 'OrderCancelled'],
    heartbeatSeconds: 2 * DAY,
    timeoutSeconds: 2 * DAY + HOUR,
  },
  processing: {
    stateName: 'AwaitShipment',
    awaiting: ['ShippingConfirmed'],
    heartbeatSeconds: 7 * DAY,
    timeoutSeconds: 7 * DAY + HOUR,
  },
  shipped: {
    stateName: 'AwaitDelivery',
    awaiting: ['DeliveryConfirmed'],
    heartbeatSeconds: 21 * DAY,
    timeoutSeconds: 21 * DAY + HOUR,
  },
};

/** The state each trigger moves an order to. */
export const TRIGGER_TARGETS: Readonly<Record<LifecycleTrigger, OrderState>> = {
  PaymentCompleted: 'paid',
  ProcessingStarted: 'processing',
  ShippingConfirmed: 'shipped',
  DeliveryConfirmed: 'delivered',
  OrderCancelled: 'cancelled',
};

/**
 * The state an order is in, told from the triggers it is waiting for (exactly one wait's set), or `undefined`
 * when the set matches no wait (nothing awaited: between waits, finished, or unknown).
 *
 * @example
 * ```ts
 * stateAwaiting(['OrderCancelled', 'PaymentCompleted']); // 'created'
 * stateAwaiting([]); // undefined
 * ```
 */
export function stateAwaiting(triggers: readonly string[]): WaitingState | undefined {
  const wanted = new Set(triggers);
  for (const [state, wait] of Object.entries(LIFECYCLE_WAITS) as [WaitingState, LifecycleWait][]) {
    if (wait.awaiting.length === wanted.size && wait.awaiting.every((trigger) => wanted.has(trigger)))
      return state;
  }
  return undefined;
}
