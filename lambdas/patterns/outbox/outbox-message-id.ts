import { nameBasedUuid } from '../../runtime/aws/name-based-uuid.js';

/** The name-based UUID namespace of outbox message ids; fixed forever, or every id would change. */
const OUTBOX_MESSAGE_NAMESPACE = '62eb90c5-c4b5-4a11-b5dd-a4eff471e57b';

/**
 * The message id the outbox publishes a stored event under: a name-based UUID of its stream id and version.
 * Unique by construction (a stream holds one event per version), the same on every redelivery and replay, and
 * computed without a lookup. The event id cannot serve: the store accepts one caller-chosen id on many streams,
 * and consumers, which deduplicate on the message id, would drop all but the first of them.
 *
 * @example
 * ```ts
 * outboxMessageId('user-1', 3); // the same UUID every time, and no other stream or version has it
 * ```
 */
export const outboxMessageId = (streamId: string, version: number): string =>
  nameBasedUuid(OUTBOX_MESSAGE_NAMESPACE, JSON.stringify([streamId, version]));
