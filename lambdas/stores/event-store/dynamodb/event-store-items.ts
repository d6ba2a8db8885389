import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  EVENT_STORE_ATTRIBUTES as A,
  EVENT_STORE_ITEM_KINDS,
  SNAPSHOT_PARTITION_MARKER,
} from '../../../contracts/tables/event-store-table.js';
import { CorruptItemError } from '../../store-errors.js';
import type { SerializedEvent, SerializedSnapshot } from '../event-store-port.js';

/**
 * The partition holding one stream's snapshots for one reducer version. Stream ids cannot contain `#`,
 * so this never names an event stream; a Query on it sorted by `sk` finds the newest snapshot.
 *
 * @example
 * ```ts
 * snapshotPartitionKey('user-1', 2); // 'user-1#snapshot#2'
 * ```
 */
export const snapshotPartitionKey = (streamId: string, reducerVersion: number): string =>
  `${streamId}${SNAPSHOT_PARTITION_MARKER}${reducerVersion}`;

/** The DynamoDB item of an event. Keep in step with `eventItemBytes` in `item-size.ts`. */
export const eventItem = (event: SerializedEvent): Record<string, string | number> => ({
  [A.pk]: event.streamId,
  [A.sk]: event.version,
  [A.kind]: EVENT_STORE_ITEM_KINDS.event,
  [A.id]: event.id,
  [A.type]: event.type,
  [A.data]: event.data,
  [A.metadata]: event.metadata,
});

/**
 * Whether a stored item, as a failed condition returns it (`ReturnValuesOnConditionCheckFailure: ALL_OLD`;
 * the document client leaves it marshalled), is exactly the item `eventItem(event)` would write: then the
 * failed write was a retry of this very append, which had succeeded. Every attribute must match, not only
 * the id, since callers may choose event ids.
 */
export const isStoredEventItem = (
  stored: Record<string, AttributeValue> | undefined,
  event: SerializedEvent,
): boolean => {
  if (stored === undefined) return false;
  const expected = Object.entries(eventItem(event));
  if (Object.keys(stored).length !== expected.length) return false;
  return expected.every(([name, value]) =>
    typeof value === 'number' ? stored[name]?.N === String(value) : stored[name]?.S === value,
  );
};

/** The DynamoDB item of a snapshot. Keep in step with `snapshotItemBytes` in `item-size.ts`. */
export const snapshotItem = (snapshot: SerializedSnapshot): Record<string, string | number> => ({
  [A.pk]: snapshotPartitionKey(snapshot.streamId, snapshot.reducerVersion),
  [A.sk]: snapshot.version,
  [A.kind]: EVENT_STORE_ITEM_KINDS.snapshot,
  [A.streamId]: snapshot.streamId,
  [A.reducerVersion]: snapshot.reducerVersion,
  [A.state]: snapshot.state,
  [A.time]: snapshot.time,
});

const corrupt = (item: Record<string, unknown>, name: string, type: string): CorruptItemError =>
  new CorruptItemError(
    'event-store',
    `${String(item[A.pk])}@${String(item[A.sk])}`,
    `attribute "${name}" is not a ${type}`,
  );

const text = (item: Record<string, unknown>, name: string): string => {
  const value = item[name];
  if (typeof value !== 'string') throw corrupt(item, name, 'string');
  return value;
};

const integer = (item: Record<string, unknown>, name: string): number => {
  const value = item[name];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw corrupt(item, name, 'safe integer');
  return value;
};

/**
 * Reads an event item (from a Query or an unmarshalled stream image).
 *
 * @throws CorruptItemError when an attribute is missing or of the wrong type.
 * @example
 * ```ts
 * const events = (output.Items ?? []).map(eventFromItem);
 * ```
 */
export const eventFromItem = (item: Record<string, unknown>): SerializedEvent => ({
  streamId: text(item, A.pk),
  version: integer(item, A.sk),
  id: text(item, A.id),
  type: text(item, A.type),
  data: text(item, A.data),
  metadata: text(item, A.metadata),
});

/**
 * Reads a snapshot item.
 *
 * @throws CorruptItemError when an attribute is missing or of the wrong type.
 * @example
 * ```ts
 * const snapshot = output.Items?.[0] && snapshotFromItem(output.Items[0]);
 * ```
 */
export const snapshotFromItem = (item: Record<string, unknown>): SerializedSnapshot => ({
  streamId: text(item, A.streamId),
  reducerVersion: integer(item, A.reducerVersion),
  version: integer(item, A.sk),
  state: text(item, A.state),
  time: text(item, A.time),
});
