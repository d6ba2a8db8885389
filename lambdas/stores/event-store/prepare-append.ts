import {
  AppendTooLargeError,
  EventTooLargeError,
  InvalidEventError,
  TooManyEventsError,
} from './event-store-input-error.js';
import type { SerializedEvent } from './event-store-port.js';
import { eventItemBytes, MAX_APPEND_BYTES, MAX_EVENT_BYTES } from './item-size.js';
import type { AppendOptions } from './new-event.js';
import { toJson } from './to-json.js';

/**
 * Events per append: the 100 items one TransactWriteItems call holds. (The DynamoDB adapter's gap guard
 * moves out of the transaction when all 100 slots carry events; see its append.)
 */
export const MAX_EVENTS_PER_APPEND = 100;

/** Event types travel as EventBridge detail-types (same rule as message type names in contracts). */
export const EVENT_TYPE_PATTERN = /^[A-Za-z][\w.:-]{0,127}$/;
/** Event ids, correlation and causation ids: 1–128 of letters, digits, `_ . : -` (UUIDs fit). */
export const EVENT_ID_PATTERN = /^[\w.:-]{1,128}$/;

/** An event ready to store except for its version, which the store assigns when it knows the base. */
export type PreparedEvent = Omit<SerializedEvent, 'version'>;

export interface PrepareContext {
  readonly now: Date;
  readonly newId: () => string;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value));

const checkId = (value: unknown, path: string): string => {
  if (typeof value !== 'string' || !EVENT_ID_PATTERN.test(value)) {
    throw new InvalidEventError(path, 'expected 1–128 letters, digits, "_", ".", ":" or "-"');
  }
  return value;
};

const optionalRecord = (value: unknown, path: string): Record<string, unknown> => {
  if (value === undefined) return {};
  if (!isPlainObject(value)) throw new InvalidEventError(path, 'expected a plain object');
  return value;
};

/**
 * Validates an append and serialises every event: all checks run before anything is written, so bad input
 * never leaves half an append behind.
 *
 * @throws InvalidEventError, NotJsonSerializableError, TooManyEventsError, EventTooLargeError,
 *   AppendTooLargeError.
 * @example
 * ```ts
 * const prepared = prepareAppend('user-1', [{ type: 'UserCreated', data: {} }], {}, { now, newId });
 * ```
 */
export const prepareAppend = (
  streamId: string,
  events: unknown,
  options: AppendOptions | undefined,
  context: PrepareContext,
): PreparedEvent[] => {
  if (!Array.isArray(events)) throw new InvalidEventError('events', 'expected an array of events');
  if (events.length === 0) throw new InvalidEventError('events', 'an append needs at least one event');
  if (events.length > MAX_EVENTS_PER_APPEND)
    throw new TooManyEventsError(events.length, MAX_EVENTS_PER_APPEND);
  const shared = optionalRecord(options?.metadata, 'options.metadata');
  const list: readonly unknown[] = events;
  const records = list.map((event, index) => {
    if (!isPlainObject(event)) throw new InvalidEventError(`events[${index}]`, 'expected { type, data }');
    return event;
  });
  const ids = records.map((event, index) =>
    event.id === undefined ? context.newId() : checkId(event.id, `events[${index}].id`),
  );
  const firstId = ids[0] ?? context.newId();
  const correlationId =
    options?.correlationId === undefined ? firstId : checkId(options.correlationId, 'options.correlationId');
  const causationId =
    options?.causationId === undefined ? firstId : checkId(options.causationId, 'options.causationId');
  const time = context.now.toISOString();

  let totalBytes = 0;
  const prepared = records.map((event, index): PreparedEvent => {
    const path = `events[${index}]`;
    if (typeof event.type !== 'string' || !EVENT_TYPE_PATTERN.test(event.type)) {
      throw new InvalidEventError(`${path}.type`, 'expected 1–128 letters, digits, "_", ".", ":" or "-"');
    }
    const own = optionalRecord(event.metadata, `${path}.metadata`);
    const metadata = {
      ...shared,
      ...own,
      correlationId:
        own.correlationId === undefined
          ? correlationId
          : checkId(own.correlationId, `${path}.metadata.correlationId`),
      causationId:
        own.causationId === undefined
          ? causationId
          : checkId(own.causationId, `${path}.metadata.causationId`),
      time,
    };
    const item: PreparedEvent = {
      streamId,
      id: ids[index] ?? context.newId(),
      type: event.type,
      data: toJson(event.data, `${path}.data`),
      metadata: toJson(metadata, `${path}.metadata`),
    };
    const bytes = eventItemBytes(item);
    if (bytes > MAX_EVENT_BYTES) throw new EventTooLargeError(index, bytes, MAX_EVENT_BYTES);
    totalBytes += bytes;
    return item;
  });
  if (totalBytes > MAX_APPEND_BYTES) throw new AppendTooLargeError(totalBytes, MAX_APPEND_BYTES);
  return prepared;
};
