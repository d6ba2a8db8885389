import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import {
  EVENT_STORE_ATTRIBUTES as A,
  EVENT_STORE_ITEM_KINDS,
  SNAPSHOT_PARTITION_MARKER,
} from '../../../contracts/tables/event-store-table.js';
import { CorruptItemError } from '../../store-errors.js';
import { decodeEvent } from '../decode-event.js';
import type { StoredEvent } from '../stored-event.js';
import { eventFromItem } from './event-store-items.js';

/**
 * Unmarshalls a stream image of an event store item. The table only ever holds strings and numbers, so this
 * reads `S` and `N` values and nothing else: any other type is left out and reported by the item reader.
 *
 * @example
 * ```ts
 * unmarshallEventImage({ pk: { S: 'user-1' }, sk: { N: '3' } }); // { pk: 'user-1', sk: 3 }
 * ```
 */
export const unmarshallEventImage = (
  image: Record<string, AttributeValue>,
): Record<string, string | number> => {
  const item: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(image)) {
    if (typeof value.S === 'string') item[name] = value.S;
    else if (typeof value.N === 'string') item[name] = Number(value.N);
  }
  return item;
};

/**
 * The event a DynamoDB stream record announces, or `undefined` when the record is not a new event:
 * MODIFY and REMOVE (events are immutable, so neither is a publication), INSERTs of snapshot items and any
 * item under a snapshot partition, whatever its `kind`.
 *
 * @throws CorruptItemError when an INSERT of an event item cannot be read: never skip it silently.
 * @example
 * ```ts
 * const event = eventFromStreamRecord(record);
 * if (event !== undefined) await publish(event);
 * ```
 */
export const eventFromStreamRecord = (record: DynamoDBRecord): StoredEvent | undefined => {
  if (record.eventName !== 'INSERT') return undefined;
  const image = record.dynamodb?.NewImage;
  if (image === undefined) {
    const key = record.dynamodb?.SequenceNumber ?? 'unknown sequence number';
    throw new CorruptItemError(
      'event-store',
      `stream record ${key}`,
      'INSERT without NewImage (is the stream NEW_IMAGE?)',
    );
  }
  const item = unmarshallEventImage(image);
  if (item[A.kind] !== EVENT_STORE_ITEM_KINDS.event) return undefined;
  // The store writes events only under stream ids, which cannot hold the marker: an "event" under a snapshot
  // partition was written by something else (the snapshot writer's role may put there) and is never published.
  if (String(item[A.pk]).includes(SNAPSHOT_PARTITION_MARKER)) return undefined;
  return decodeEvent(eventFromItem(item));
};
