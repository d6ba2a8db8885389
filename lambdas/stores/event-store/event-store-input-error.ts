import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

const preview = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/** A stream id that breaks the rules in `stream-id.ts` (empty, too long, a character outside the set). */
export class InvalidStreamIdError extends AgentbridgeError {
  override readonly name = 'InvalidStreamIdError';
  readonly streamId: unknown;
  readonly rule: string;

  constructor(streamId: unknown, rule: string) {
    const shown = typeof streamId === 'string' ? JSON.stringify(preview(streamId)) : typeof streamId;
    super('INVALID_STREAM_ID', `Invalid stream id ${shown}: ${rule}`);
    this.streamId = streamId;
    this.rule = rule;
  }
}

/** An expected version that is not a non-negative safe integer, `'no-stream'` or `'any'`. */
export class InvalidExpectedVersionError extends AgentbridgeError {
  override readonly name = 'InvalidExpectedVersionError';
  readonly expectedVersion: unknown;

  constructor(expectedVersion: unknown) {
    super(
      'INVALID_EXPECTED_VERSION',
      `Invalid expected version ${String(expectedVersion)}: use a non-negative integer, 'no-stream' or 'any'`,
    );
    this.expectedVersion = expectedVersion;
  }
}

/** An event (or the append as a whole) that is malformed: no events, a bad type, id or metadata field. */
export class InvalidEventError extends AgentbridgeError {
  override readonly name = 'InvalidEventError';
  /** `events[2].type`, `options.correlationId`, `events` … */
  readonly path: string;
  readonly reason: string;

  constructor(path: string, reason: string) {
    super('INVALID_EVENT', `Invalid ${path}: ${reason}`);
    this.path = path;
    this.reason = reason;
  }
}

/** A value (event data, metadata, snapshot state) that would not read back equal from JSON. */
export class NotJsonSerializableError extends AgentbridgeError {
  override readonly name = 'NotJsonSerializableError';
  readonly path: string;
  readonly reason: string;

  constructor(path: string, reason: string) {
    super('NOT_JSON_SERIALIZABLE', `${path} is not JSON-serialisable: ${reason}`);
    this.path = path;
    this.reason = reason;
  }
}

/** More events in one append than one DynamoDB transaction can hold. */
export class TooManyEventsError extends AgentbridgeError {
  override readonly name = 'TooManyEventsError';
  readonly count: number;
  readonly max: number;

  constructor(count: number, max: number) {
    super('TOO_MANY_EVENTS', `An append holds at most ${max} events (one transaction); got ${count}`);
    this.count = count;
    this.max = max;
  }
}

/** One event whose stored item would exceed DynamoDB's 400 KB item limit. */
export class EventTooLargeError extends AgentbridgeError {
  override readonly name = 'EventTooLargeError';
  readonly index: number;
  readonly sizeBytes: number;
  readonly maxBytes: number;

  constructor(index: number, sizeBytes: number, maxBytes: number) {
    super(
      'EVENT_TOO_LARGE',
      `events[${index}] is ${sizeBytes} bytes as a stored item; at most ${maxBytes} fit`,
    );
    this.index = index;
    this.sizeBytes = sizeBytes;
    this.maxBytes = maxBytes;
  }
}

/** Events that fit one by one but together exceed what one transaction may carry. */
export class AppendTooLargeError extends AgentbridgeError {
  override readonly name = 'AppendTooLargeError';
  readonly sizeBytes: number;
  readonly maxBytes: number;

  constructor(sizeBytes: number, maxBytes: number) {
    super(
      'APPEND_TOO_LARGE',
      `The append is ${sizeBytes} bytes in total; one transaction carries ${maxBytes}`,
    );
    this.sizeBytes = sizeBytes;
    this.maxBytes = maxBytes;
  }
}

/** A snapshot state whose item would exceed the 400 KB item limit (the stream still loads by replay). */
export class SnapshotTooLargeError extends AgentbridgeError {
  override readonly name = 'SnapshotTooLargeError';
  readonly streamId: string;
  readonly sizeBytes: number;
  readonly maxBytes: number;

  constructor(streamId: string, sizeBytes: number, maxBytes: number) {
    super('SNAPSHOT_TOO_LARGE', `Snapshot of "${streamId}" is ${sizeBytes} bytes; at most ${maxBytes} fit`);
    this.streamId = streamId;
    this.sizeBytes = sizeBytes;
    this.maxBytes = maxBytes;
  }
}

/**
 * An option out of range: read `fromVersion`/`limit`, a reducer, a load-at version, the snapshot interval,
 * the `'any'` retry count.
 */
export class InvalidOptionError extends AgentbridgeError {
  override readonly name = 'InvalidOptionError';
  readonly option: string;
  readonly value: unknown;

  constructor(option: string, value: unknown, rule: string) {
    super('INVALID_OPTION', `Invalid ${option} ${String(value)}: ${rule}`);
    this.option = option;
    this.value = value;
  }
}

/** A cursor that was not issued by this store for this stream and direction. */
export class InvalidCursorError extends AgentbridgeError {
  override readonly name = 'InvalidCursorError';
  readonly cursor: string;

  constructor(cursor: string, reason: string) {
    super('INVALID_CURSOR', `Invalid read cursor ${JSON.stringify(preview(cursor))}: ${reason}`);
    this.cursor = cursor;
  }
}
