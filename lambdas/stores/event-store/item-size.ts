import {
  EVENT_STORE_ATTRIBUTES as A,
  SNAPSHOT_PARTITION_MARKER,
} from '../../contracts/tables/event-store-table.js';

/** DynamoDB's item size limit: 400 KB, counting attribute names and values. */
export const MAX_ITEM_BYTES = 400 * 1024;

/**
 * The most one stored event may take. Every event leaves through the outbox as one EventBridge entry, and an
 * entry is capped at 256 KB; 8 KB of that is kept for what the outbox adds (the envelope's metadata, source,
 * detail-type). An event DynamoDB would take but EventBridge would not could never be published: it would
 * sit on the stream's failure queue forever, so it is refused at append instead.
 */
export const MAX_EVENT_BYTES = 256 * 1024 - 8 * 1024;

/**
 * What one append may carry in total. A transaction is capped at 4 MB across its items; the guard
 * (a ConditionCheck on the stream's current last event) may itself be up to one full item, so that much is
 * kept free. Conservative on purpose: a rejected transaction would surface as an opaque ValidationException.
 */
export const MAX_APPEND_BYTES = 4 * 1024 * 1024 - MAX_ITEM_BYTES;

// DynamoDB stores a number in at most 21 bytes (38 significant digits); budgeting the maximum makes the
// size independent of the version actually assigned, so `'any'` retries need no re-measuring.
const NUMBER_BYTES = 21;
const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

/** The strings an event item holds (its version is budgeted as a number). */
export interface EventItemStrings {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

/**
 * Size of an event item as DynamoDB counts it: UTF-8 bytes of every attribute name and string value, plus
 * the number budget for the version. Must match the layout in `dynamodb/event-store-items.ts`.
 *
 * @example
 * ```ts
 * eventItemBytes({ streamId: 'user-1', id, type: 'UserCreated', data: '{}', metadata }) <= MAX_ITEM_BYTES;
 * ```
 */
export const eventItemBytes = (item: EventItemStrings): number =>
  utf8(A.pk) +
  utf8(item.streamId) +
  utf8(A.sk) +
  NUMBER_BYTES +
  utf8(A.kind) +
  utf8('event') +
  utf8(A.id) +
  utf8(item.id) +
  utf8(A.type) +
  utf8(item.type) +
  utf8(A.data) +
  utf8(item.data) +
  utf8(A.metadata) +
  utf8(item.metadata);

/** Size of a snapshot item (see `dynamodb/event-store-items.ts`); `time` is an ISO-8601 string. */
export const snapshotItemBytes = (streamId: string, state: string, time: string): number =>
  utf8(A.pk) +
  utf8(streamId) +
  utf8(SNAPSHOT_PARTITION_MARKER) +
  NUMBER_BYTES +
  utf8(A.sk) +
  NUMBER_BYTES +
  utf8(A.kind) +
  utf8('snapshot') +
  utf8(A.streamId) +
  utf8(streamId) +
  utf8(A.reducerVersion) +
  NUMBER_BYTES +
  utf8(A.state) +
  utf8(state) +
  utf8(A.time) +
  utf8(time);
