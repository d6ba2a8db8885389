import type { Context } from 'aws-lambda';

/**
 * Publishes each event id at most once across redeliveries (stream retries, a batch retried from its first
 * failure). Two implementations: `PowertoolsOutboxIdempotency` (DynamoDB persistence, for Lambda) and
 * `InMemoryOutboxIdempotency` (tests, in-process).
 *
 * @example
 * ```ts
 * await idempotency.once(event.id, () => port.publish(event.type, event.data, metadata), context);
 * ```
 */
export interface OutboxIdempotency {
  /**
   * Runs `publish` unless `eventId` was published already. A failed `publish` is not recorded, so the
   * next delivery tries again. `context` lets an in-progress marker expire with the invocation.
   */
  once(eventId: string, publish: () => Promise<void>, context?: Context): Promise<void>;
}
