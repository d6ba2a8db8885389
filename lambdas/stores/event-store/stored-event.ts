/**
 * Metadata every stored event carries. `correlationId` groups everything one request caused,
 * `causationId` names the message that caused this event, `time` is when the store accepted it (ISO-8601).
 * Extra JSON fields given at append time (actor, schema version, …) are kept as they are.
 */
export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId: string;
  readonly time: string;
  readonly [key: string]: unknown;
}

/**
 * One event as the store returns it. `version` is its position in the stream (1, 2, 3, … contiguous);
 * `id` is the caller's or a fresh UUID; one id may recur on other streams, so the outbox publishes under a
 * message id of stream and version and carries `id` along as `metadata.eventId`.
 *
 * @example
 * ```ts
 * const event: StoredEvent = {
 *   streamId: 'user-42', version: 1, id: '0b6c…', type: 'UserCreated', data: { name: 'Ada' },
 *   metadata: { correlationId: 'c-1', causationId: 'cmd-1', time: '2026-01-01T00:00:00.000Z' },
 * };
 * ```
 */
export interface StoredEvent<D = unknown> {
  readonly streamId: string;
  readonly version: number;
  readonly id: string;
  readonly type: string;
  readonly data: D;
  readonly metadata: EventMetadata;
}
