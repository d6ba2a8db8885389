import { CorruptItemError } from '../store-errors.js';
import type { SerializedEvent } from './event-store-port.js';
import type { EventMetadata, StoredEvent } from './stored-event.js';

const parse = (json: string, itemKey: string, attribute: string): unknown => {
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new CorruptItemError('event-store', itemKey, `${attribute} is not valid JSON`, { cause: error });
  }
};

const isMetadata = (value: unknown): value is EventMetadata =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as Record<string, unknown>).correlationId === 'string' &&
  typeof (value as Record<string, unknown>).causationId === 'string' &&
  typeof (value as Record<string, unknown>).time === 'string';

/**
 * Turns a stored record back into a {@link StoredEvent}: fresh objects parsed from the stored JSON, so no
 * caller can mutate what another caller (or a snapshot) sees.
 *
 * @throws CorruptItemError when the JSON or the metadata shape is broken.
 * @example
 * ```ts
 * const event = decodeEvent(serialized); // event.data is a fresh object
 * ```
 */
export const decodeEvent = (record: SerializedEvent): StoredEvent => {
  const itemKey = `${record.streamId}@${record.version}`;
  const metadata = parse(record.metadata, itemKey, 'metadata');
  if (!isMetadata(metadata)) {
    throw new CorruptItemError('event-store', itemKey, 'metadata lacks correlationId, causationId or time');
  }
  return {
    streamId: record.streamId,
    version: record.version,
    id: record.id,
    type: record.type,
    data: parse(record.data, itemKey, 'data'),
    metadata,
  };
};

/**
 * Parses a snapshot's state JSON.
 *
 * @throws CorruptItemError when it is not valid JSON.
 * @example
 * ```ts
 * const state = decodeSnapshotState('user-1', 100, '{"count":100}');
 * ```
 */
export const decodeSnapshotState = (streamId: string, version: number, json: string): unknown =>
  parse(json, `${streamId} snapshot@${version}`, 'state');
