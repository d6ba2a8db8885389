import { sourceFor } from './sources.js';

/** What one ASL `${Placeholder}` stands for. The CDK stack resolves it (and grants it); the local engine too. */
export type StateMachinePlaceholder =
  /** The ARN of the Lambda function hosting an agent type (a `lambda:invoke` task's `FunctionName`). */
  | { readonly kind: 'functionArn'; readonly agentType: string }
  /** The agentbridge bus name (an `events:putEvents` task's `EventBusName`). */
  | { readonly kind: 'eventBusName' }
  /** Another state machine's ARN (a `states:startExecution` task's `StateMachineArn`); it is only started. */
  | { readonly kind: 'stateMachineArn'; readonly machine: StateMachineKey }
  /**
   * The ARN prefix of another machine's executions (`arn:…:execution:<machine name>`), which the ASL completes
   * with an execution name for `aws-sdk:sfn:describeExecution`; they are only described.
   */
  | { readonly kind: 'executionArnPrefix'; readonly machine: StateMachineKey }
  /** The URL of the parked-saga queue (an `sqs:sendMessage` task's `QueueUrl`): it is only written to. */
  | { readonly kind: 'parkedSagaQueueUrl' };

/**
 * Step Functions' two workflow types. STANDARD: exactly-once steps, executions up to a year, name
 * de-duplication, billed per state transition. EXPRESS: at-least-once, at most 5 minutes, no name
 * de-duplication, billed per request and duration (for short sagas a fraction of the transition price).
 */
export type StateMachineType = 'STANDARD' | 'EXPRESS';

export interface StateMachineContract {
  /** Name suffix: deployed as `<stack>-<name>`, run locally as `<name>`. */
  readonly name: string;
  /** The workflow type it is deployed (and run locally) as. */
  readonly type: StateMachineType;
  /** ASL file, relative to the repository root (JSONPath only: the offline engine ignores JSONata). */
  readonly definitionFile: string;
  /** The EventBridge `source` of the events its `events:putEvents` tasks write. */
  readonly eventSource: string;
  /** Every `${Placeholder}` the ASL uses, and what it stands for. A test checks the file against this list. */
  readonly placeholders: Readonly<Record<string, StateMachinePlaceholder>>;
}

export type StateMachineKey = 'orderSaga' | 'orderLifecycle';

const fn = (agentType: string): StateMachinePlaceholder => ({ kind: 'functionArn', agentType });

/**
 * The order system's state machines and their substitution placeholders, shared by the CDK stack
 * (`definitionSubstitutions` + IAM grants), the local Step Functions engine and the tests.
 *
 * - `orderSaga`: seed 1.1, EXPRESS (short idempotent steps, at most 5 minutes). Started by the saga starter
 *   with `StartExecution({ name: orderId, input: OrderRequested data + sagaId })`; Express does not
 *   de-duplicate names, so the starter's conditional record keeps one saga (one saga id) per order. It starts
 *   `orderLifecycle` (name = orderId) once the order exists (and, when that start fails in a way that may
 *   have started it, asks DescribeExecution whether it did before it compensates), and parks on the parked-saga queue when a
 *   compensation or publication keeps failing.
 * - `orderLifecycle`: seed 5.1, STANDARD (it waits for days), driven by task tokens the lifecycle agent
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
      OrderLifecycleStateMachineArn: { kind: 'stateMachineArn', machine: 'orderLifecycle' },
      OrderLifecycleExecutionArnPrefix: { kind: 'executionArnPrefix', machine: 'orderLifecycle' },
      ParkedSagaQueueUrl: { kind: 'parkedSagaQueueUrl' },
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
