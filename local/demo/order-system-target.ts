import type { MessageOf } from '../../lambdas/contracts/message-type.js';
import type { LifecycleTrigger } from '../../lambdas/contracts/order/lifecycle-messages.js';
import type { OrderRequested } from '../../lambdas/contracts/order/order-messages.js';
import type { DemoUser } from './demo-scenario.js';
import type { OrderObservations } from './order-trace.js';

/** Where an execution stands (the fields of DescribeExecution the demo reads). */
export interface ExecutionState {
  readonly status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  /** JSON text, as the API returns it. */
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
}

/**
 * The order system as the demo drives it, whatever runs it: the in-process runtime today
 * (`InProcessTarget`), a local cloud running the synthesized template later (the same calls become
 * PutEvents, DescribeExecution and GetExecutionHistory). Every call is about one order, so orders run
 * concurrently.
 *
 * @example
 * ```ts
 * await target.placeOrder(order);
 * const saga = await target.waitForSaga(order.orderId);
 * ```
 */
export interface OrderSystemTarget {
  /** The `--target` name. */
  readonly name: string;
  /** Registers a customer; a `deleted` one is registered and then deleted. */
  addUser(user: DemoUser): Promise<void>;
  restock(sku: string, quantity: number): Promise<void>;
  /** Puts OrderRequested on the bus; the saga runs on by itself. */
  placeOrder(order: MessageOf<typeof OrderRequested>): Promise<void>;
  /** Resolves once the order's saga has ended. */
  waitForSaga(orderId: string): Promise<ExecutionState>;
  /** Resolves once the order's lifecycle waits for a trigger (RUNNING) or has ended. */
  waitForLifecycle(orderId: string): Promise<ExecutionState>;
  /** Puts a lifecycle trigger on the bus; resolves once it was applied or rejected. */
  sendTrigger(
    trigger: LifecycleTrigger,
    data: { readonly orderId: string } & Readonly<Record<string, unknown>>,
  ): Promise<void>;
  /** Everything observed about the order so far: its bus events, both histories, its notifications. */
  observe(orderId: string): Promise<OrderObservations>;
  /** Stops whatever still runs, so the process can exit. */
  close(): Promise<void>;
}
