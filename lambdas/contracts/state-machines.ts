import { sourceFor } from './sources.js';
import type { StateMachineContract, StateMachinePlaceholder } from './state-machine-contract.js';

/** The queue a saga parks on when a compensation or publication keeps failing. */
export const PARKED_SAGA_QUEUE = 'parked-sagas';

export type StateMachineKey = 'orderSaga' | 'orderLifecycle';

const fn = (agentType: string): StateMachinePlaceholder => ({ kind: 'functionArn', agentType });

/**
 * The order system's state machines and their substitution placeholders, shared by the CDK stack
 * (`definitionSubstitutions` + IAM grants), the local Step Functions engine and the tests.
 *
 * - `orderSaga`: EXPRESS (short idempotent steps, at most 5 minutes). Started by the saga starter
 *   with `StartExecution({ name: orderId, input: OrderRequested data + sagaId })`; Express does not
 *   de-duplicate names, so the starter's conditional record keeps one saga (one saga id) per order. It starts
 *   `orderLifecycle` (name = orderId) once the order exists (and, when that start fails in a way that may
 *   have started it, asks DescribeExecution whether it did before it compensates), and parks on the parked-saga queue when a
 *   compensation or publication keeps failing.
 * - `orderLifecycle`: STANDARD (it waits for days), driven by task tokens the lifecycle agent
 *   completes.
 *
 * @example
 * ```ts
 * const { definitionFile, placeholders } = STATE_MACHINES.orderSaga;
 * Object.keys(placeholders); // ['UsersFunctionArn', 'InventoryFunctionArn', ...]
 * ```
 */
export const STATE_MACHINES: Readonly<Record<StateMachineKey, StateMachineContract>> = {
  orderSaga: {
    name: 'order-saga',
    type: 'EXPRESS',
    definitionFile: 'statemachines/order-saga.asl.json',
    eventSource: sourceFor('order-saga'),
    placeholders: {
      UsersFunctionArn: fn('users'),
      InventoryFunctionArn: fn('inventory'),
      PaymentFunctionArn: fn('payment'),
      OrdersFunctionArn: fn('orders'),
      EventBusName: { kind: 'eventBusName' },
      OrderLifecycleStateMachineArn: { kind: 'stateMachineArn', machine: 'order-lifecycle' },
      OrderLifecycleExecutionArnPrefix: { kind: 'executionArnPrefix', machine: 'order-lifecycle' },
      ParkedSagaQueueUrl: { kind: 'queueUrl', queue: PARKED_SAGA_QUEUE },
    },
  },
  orderLifecycle: {
    name: 'order-lifecycle',
    type: 'STANDARD',
    definitionFile: 'statemachines/order-lifecycle.asl.json',
    eventSource: sourceFor('order-lifecycle'),
    placeholders: {
      LifecycleFunctionArn: fn('lifecycle'),
      OrdersFunctionArn: fn('orders'),
      InventoryFunctionArn: fn('inventory'),
      PaymentFunctionArn: fn('payment'),
      EventBusName: { kind: 'eventBusName' },
    },
  },
};
