import type { DeliveryContext } from './delivery-context.js';
import type { Delivery } from './mailbox.js';
import { MailboxScheduler } from './mailbox-scheduler.js';

/**
 * The in-process runtime's deliveries in flight. A send is dispatched at once; publish deliveries queue and
 * drain in one microtask per batch, and deliveries a drain queues are picked up by the same loop, so a
 * cascade of publishes never grows the stack. Every delivery (and every piece of work passed to `track`)
 * counts as outstanding until it settles; `waitUntilIdle` resolves when none is left.
 *
 * @example
 * ```ts
 * const queue = new DeliveryQueue((error, ctx) => logger.error('Handler failed', { id: ctx.messageId, error }));
 * queue.enqueue(delivery);
 * queue.scheduleDrain();
 * await queue.waitUntilIdle();
 * ```
 */
export class DeliveryQueue {
  readonly #scheduler: MailboxScheduler;
  /** Publish deliveries not yet started; drained in one microtask per batch. */
  #pending: Delivery[] = [];
  #drainScheduled = false;
  /** Deliveries queued or running; `waitUntilIdle` resolves when it returns to zero. */
  #outstanding = 0;
  #idleWaiters: Array<() => void> = [];

  /** `publishFailed` hears of a publish delivery whose handler failed: there is no caller to reject. */
  constructor(publishFailed: (error: unknown, ctx: DeliveryContext) => void) {
    this.#scheduler = new MailboxScheduler({ settled: this.#settled, publishFailed });
  }

  /** Runs a send's delivery now, or behind its agent's current message. */
  dispatch(delivery: Delivery): void {
    this.#outstanding++;
    this.#scheduler.dispatch(delivery);
  }

  /** Queues a publish delivery for the next drain (see {@link scheduleDrain}). */
  enqueue(delivery: Delivery): void {
    this.#outstanding++;
    this.#pending.push(delivery);
  }

  /** Drains the queued deliveries on the microtask queue, once per batch. */
  scheduleDrain(): void {
    if (this.#pending.length > 0 && !this.#drainScheduled) {
      this.#drainScheduled = true;
      queueMicrotask(this.#drain);
    }
  }

  /** Counts `work` as outstanding, so `waitUntilIdle` waits for a message still being looked at. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.#outstanding++;
    try {
      return await work();
    } finally {
      this.#settled();
    }
  }

  /** Resolves once no delivery is queued or running. */
  waitUntilIdle(): Promise<void> {
    if (this.#outstanding === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  readonly #drain = (): void => {
    this.#drainScheduled = false;
    // Deliveries queued while draining are picked up by this same loop: no recursion.
    for (let i = 0; i < this.#pending.length; i++) {
      const delivery = this.#pending[i];
      if (delivery !== undefined) this.#scheduler.dispatch(delivery);
    }
    this.#pending = [];
  };

  readonly #settled = (): void => {
    if (--this.#outstanding === 0) this.#notifyIdle();
  };

  #notifyIdle(): void {
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
