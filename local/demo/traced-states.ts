import type { StepRole, TraceMachine } from './trace-event.js';

/**
 * A traced Task state shows as a step, or (`publish`) marks where its machine put an event on the bus, or
 * (`enter`) is a wait whose task first enters its state (publishing the state change), then waits.
 */
export type TracedRole = StepRole | 'publish' | 'enter';

/**
 * The Task states of `order-saga.asl.json` and `order-lifecycle.asl.json` the trace follows, and what each
 * is for. `publish` states are not printed (their event is), but they anchor the steps around them to the
 * bus; waits anchor the triggers. Recording a transition (shown as the state change), Pass and Choice states
 * are left out. A test checks every name against the ASL files.
 */
export const TRACED_STATES: Readonly<Record<TraceMachine, Readonly<Record<string, TracedRole>>>> = {
  saga: {
    ValidateUser: 'step',
    CheckInventory: 'step',
    ReserveInventory: 'step',
    ChargePayment: 'step',
    CreateOrder: 'step',
    StartLifecycle: 'step',
    RefundPayment: 'compensation',
    ReleaseInventory: 'compensation',
    PublishOrderCompleted: 'publish',
    PublishOrderFailed: 'publish',
  },
  lifecycle: {
    AwaitPayment: 'wait',
    AwaitProcessing: 'enter',
    AwaitShipment: 'enter',
    AwaitDelivery: 'enter',
    RefundOrder: 'compensation',
    ReleaseOrderStock: 'compensation',
    EnterDelivered: 'publish',
    PublishEnding: 'publish',
  },
};

/** The state change the shipping notifications (email, SMS) are sent just before: the trace prints them there. */
export const NOTIFIED_BEFORE = { detailType: 'OrderStateChanged', to: 'shipped' } as const;
