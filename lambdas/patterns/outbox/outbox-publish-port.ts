/**
 * Metadata handed to the publish port. `id` is the message id ({@link outboxMessageId} of stream and
 * version) and must become the published message id, so consumers can deduplicate the at-least-once delivery
 * the outbox gives; `eventId` is the id the event was stored under.
 */
export interface OutboxEventMetadata {
  readonly id: string;
  readonly eventId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly time: string;
  readonly streamId: string;
  readonly version: number;
  readonly [key: string]: unknown;
}

/** One stored event to publish: detail-type = `eventType`. */
export interface OutboxEntry {
  readonly eventType: string;
  readonly data: unknown;
  readonly metadata: OutboxEventMetadata;
}

/**
 * Where the outbox publishes. `publish` sends the entries in as few calls as the bus allows (the entries of one
 * call are of different streams: the outbox orders a stream's events itself) and resolves with the reason for
 * each entry the bus did not accept, by index; an empty map when it took them all. It rejects only when it
 * cannot tell which entries went out, and then the outbox counts every entry of the call as failed.
 *
 * @example
 * ```ts
 * const port: OutboxPublishPort = eventBridgeOutboxPort({ publisher, eventBusName, source }); // or, in a test:
 * const recording: OutboxPublishPort = { publish: async (entries) => (seen.push(...entries), new Map()) };
 * ```
 */
export interface OutboxPublishPort {
  publish(entries: readonly OutboxEntry[]): Promise<ReadonlyMap<number, unknown>>;
}
