import type { TableDefinition } from '../table-definition.js';

/**
 * Attribute names of the event store table. Two item kinds share it:
 * - an event: `pk` = stream id, `sk` = version (1, 2, 3, … contiguous), immutable once written;
 * - a snapshot: `pk` = `<stream id>#snapshot#<reducer version>`, `sk` = the event version it folds up to.
 * Stream ids may not contain `#`, so a snapshot partition can never collide with an event stream.
 */
export const EVENT_STORE_ATTRIBUTES = {
  /** Partition key: the stream id (events) or the snapshot partition (snapshots). */
  pk: 'pk',
  /** Sort key (number): the event version. */
  sk: 'sk',
  /** `event` or `snapshot`: lets stream consumers (and event-source filters) tell the two apart. */
  kind: 'kind',
  /** Event id (a UUID unless the caller chose one); becomes the published message id. */
  id: 'id',
  /** Event type; becomes the EventBridge detail-type when the outbox publishes it. */
  type: 'type',
  /** Event payload as JSON text: byte-exact, size predictable, no DynamoDB number-range surprises. */
  data: 'data',
  /** Event metadata (`correlationId`, `causationId`, `time`, extras) as JSON text. */
  metadata: 'metadata',
  /** Snapshot: the stream it belongs to. */
  streamId: 'streamId',
  /** Snapshot: the version of the reducer that produced `state`. */
  reducerVersion: 'reducerVersion',
  /** Snapshot: the folded state as JSON text. */
  state: 'state',
  /** Snapshot: ISO-8601 time it was written. */
  time: 'time',
} as const;

/** Values of the `kind` attribute. */
export const EVENT_STORE_ITEM_KINDS = { event: 'event', snapshot: 'snapshot' } as const;

/** Separator between a stream id and the snapshot marker in a snapshot partition key. */
export const SNAPSHOT_PARTITION_MARKER = '#snapshot#';

/**
 * Lambda event-source filter for the outbox publisher (and the snapshot consumer): only INSERTs of event
 * items reach the function, so snapshot writes never cost an invocation. The publisher checks again.
 */
export const EVENT_STORE_STREAM_FILTER_PATTERN = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { [EVENT_STORE_ATTRIBUTES.kind]: { S: [EVENT_STORE_ITEM_KINDS.event] } } },
} as const;

/**
 * The event store: events and snapshots in one table, keyed by stream and version. No TTL: events are the
 * system of record and snapshots are only valid while they exist. The stream (NEW_IMAGE) is the
 * transactional outbox: the publisher Lambda reads every inserted event from it.
 *
 * @example
 * ```ts
 * const tableName = process.env[EVENT_STORE_TABLE.envVar] ?? EVENT_STORE_TABLE.localName;
 * ```
 */
export const EVENT_STORE_TABLE: TableDefinition = {
  id: 'EventStore',
  envVar: 'AGENTBRIDGE_EVENT_STORE_TABLE_NAME',
  localName: 'agentbridge-event-store',
  partitionKey: { name: EVENT_STORE_ATTRIBUTES.pk, type: 'S' },
  sortKey: { name: EVENT_STORE_ATTRIBUTES.sk, type: 'N' },
  stream: 'NEW_IMAGE',
};
