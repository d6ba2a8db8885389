/**
 * Metadata handed to the publish port. `id` is the event id and must become the published message id,
 * so consumers can deduplicate the at-least-once delivery the outbox gives.
 */
export interface OutboxEventMetadata {
  readonly id: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly time: string;
  readonly streamId: string;
  readonly version: number;
  readonly [key: string]: unknown;
}

/**
 * Where the outbox publishes: the smallest slice of the AWS runtime's publish it needs (detail-type =
 * `eventType`). Resolves once the bus accepted the event; rejects otherwise, and the record is retried.
 *
 * @example
 * ```ts
 * const port: OutboxPublishPort = awsRuntimeOutboxPort(awsRuntime); // or, in a test:
 * const recording: OutboxPublishPort = { publish: async (eventType, data, metadata) => void seen.push(metadata.id) };
 * ```
 */
export interface OutboxPublishPort {
  publish(eventType: string, data: unknown, metadata: OutboxEventMetadata): Promise<void>;
}
