import type { ParkedSagaMessage, ParkedSagaQueue } from './parked-saga-queue-port.js';

/**
 * {@link ParkedSagaQueue} in memory: `send` is what the saga's ParkSaga task does offline. A received message
 * is in flight (not received again) until it is deleted or `returnInFlight` puts it back, as the end of an
 * SQS visibility timeout does.
 *
 * @example
 * ```ts
 * const queue = new InMemoryParkedSagaQueue();
 * queue.send(JSON.stringify(parkedState));
 * ```
 */
export class InMemoryParkedSagaQueue implements ParkedSagaQueue {
  readonly #messages = new Map<string, { body: string; inFlight: boolean }>();
  #next = 0;

  /** Enqueues a body; returns its message id (also its receipt handle here). */
  send(body: string): string {
    this.#next += 1;
    const id = `parked-${this.#next}`;
    this.#messages.set(id, { body, inFlight: false });
    return id;
  }

  async receive(max: number): Promise<readonly ParkedSagaMessage[]> {
    const visible = [...this.#messages].filter(([, message]) => !message.inFlight).slice(0, max);
    for (const [, message] of visible) message.inFlight = true;
    return visible.map(([receiptHandle, message]) => ({ receiptHandle, body: message.body }));
  }

  async delete(receiptHandle: string): Promise<void> {
    this.#messages.delete(receiptHandle);
  }

  /** Makes every in-flight message receivable again (an SQS visibility timeout running out). */
  returnInFlight(): void {
    for (const message of this.#messages.values()) message.inFlight = false;
  }

  /** Every body still in the queue, oldest first. */
  bodies(): string[] {
    return [...this.#messages.values()].map((message) => message.body);
  }
}
