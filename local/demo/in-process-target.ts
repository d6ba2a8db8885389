import type { Logger } from '../../lambdas/contracts/logger.js';
import { orderStreamId } from '../../lambdas/contracts/order/order-events.js';
import { domainTopic } from '../../lambdas/contracts/topics.js';
import { DeleteUser } from '../../lambdas/contracts/users/user-commands.js';
import { AgentId } from '../../lambdas/runtime/agent-id.js';
import type { LocalOrderSystem } from '../order-system/local-order-system.js';
import { startLocalOrderSystem } from '../order-system/start-local-order-system.js';
import { busTraceEvent } from './bus-trace-event.js';
import { machineItems } from './machine-items.js';
import { notificationTraceEvent } from './notification-trace-event.js';
import type { OrderSystemTarget } from './order-system-target.js';

/** More notifications than one order ever gets (an email and an SMS when shipped). */
const NOTIFICATIONS_PER_ORDER = 50;

export interface InProcessTargetOptions {
  /** Milliseconds between Retry attempts instead of the ASL's seconds with jitter. Default 5. */
  readonly retryIntervalMs?: number;
  /** Where handler errors of published events go. Default: stderr. */
  readonly logger?: Logger;
}

/**
 * The whole order system in this process (`startLocalOrderSystem`): the in-process runtime with every agent,
 * in-memory stores, and both ASL definitions on aws-local-stepfunctions with their tasks routed to the agents.
 * No account, no Docker, no Java.
 *
 * @example
 * ```ts
 * const target = await InProcessTarget.start();
 * await target.placeOrder(order);
 * ```
 */
export class InProcessTarget implements OrderSystemTarget {
  readonly name = 'in-process';
  readonly #local: LocalOrderSystem;

  private constructor(local: LocalOrderSystem) {
    this.#local = local;
  }

  static async start(options: InProcessTargetOptions = {}): Promise<InProcessTarget> {
    return new InProcessTarget(
      await startLocalOrderSystem({
        retryIntervalMs: options.retryIntervalMs ?? 5,
        ...(options.logger === undefined ? {} : { logger: options.logger }),
      }),
    );
  }

  async addUser(user: Parameters<OrderSystemTarget['addUser']>[0]): Promise<void> {
    const { userId, email, name, phone } = user;
    await this.#local.createUser({ userId, email, name, ...(phone === undefined ? {} : { phone }) });
    if (user.deleted === true) {
      await this.#local.runtime.send(
        DeleteUser,
        { userId, reason: 'account closed' },
        new AgentId('users', userId),
      );
    }
  }

  async restock(sku: string, quantity: number): Promise<void> {
    await this.#local.restock(sku, quantity);
  }

  async placeOrder(order: Parameters<OrderSystemTarget['placeOrder']>[0]): Promise<void> {
    await this.#local.placeOrder(order);
  }

  waitForSaga(orderId: string) {
    return this.#local.waitForSaga(orderId);
  }

  waitForLifecycle(orderId: string) {
    return this.#local.waitForLifecycle(orderId);
  }

  async sendTrigger(...[trigger, data]: Parameters<OrderSystemTarget['sendTrigger']>): Promise<void> {
    await this.#local.sendTrigger(trigger, data);
  }

  async observe(orderId: string) {
    const { sagaHistory, lifecycleHistory } = this.#local.executionsOf(orderId);
    const notifications = await this.#local.stores.sender.listByOrder(orderId, NOTIFICATIONS_PER_ORDER);
    // The outbox keys an order's domain events by its stream, not by the order id.
    const stream = orderStreamId(orderId);
    return {
      bus: this.#local.eventsOf(orderId).map(busTraceEvent),
      saga: machineItems('saga', sagaHistory),
      lifecycle: machineItems('lifecycle', lifecycleHistory),
      notifications: notifications.map(notificationTraceEvent),
      domainEvents: this.#local.events
        .filter((event) => event.topic.source === stream && event.topic.type === domainTopic(event.type))
        .map((event) => event.type),
    };
  }

  close(): Promise<void> {
    return this.#local.close();
  }
}
