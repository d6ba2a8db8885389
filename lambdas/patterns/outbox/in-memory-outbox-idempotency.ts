import type { OutboxIdempotency } from './outbox-idempotency.js';

/**
 * Outbox idempotency in process memory (tests, the in-process runtime). A second call for an id that is
 * still publishing waits for the first instead of publishing twice.
 *
 * @example
 * ```ts
 * const publisher = new OutboxPublisher({ port, idempotency: new InMemoryOutboxIdempotency() });
 * ```
 */
export class InMemoryOutboxIdempotency implements OutboxIdempotency {
  readonly #published = new Map<string, Promise<void>>();

  async once(eventId: string, publish: () => Promise<void>): Promise<void> {
    const existing = this.#published.get(eventId);
    if (existing !== undefined) return existing;
    const running = publish();
    this.#published.set(eventId, running);
    try {
      await running;
    } catch (error) {
      this.#published.delete(eventId);
      throw error;
    }
  }
}
