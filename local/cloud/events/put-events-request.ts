import { AwsServiceError } from '../endpoint/aws-service.js';
import type { PutEventsEntry } from '../local-cloud-ports.js';

/** PutEvents takes 1 to 10 entries a call. */
export const MAX_ENTRIES = 10;
/** The documented PutEvents request limit, 256 KB of entries as EventBridge measures them. */
export const DEFAULT_MAX_REQUEST_BYTES = 262_144;

const MAX_DETAIL_TYPE = 128;
const MAX_SOURCE = 256;

const utf8Bytes = (text: string | undefined): number =>
  text === undefined ? 0 : Buffer.byteLength(text, 'utf8');

/**
 * An entry's size as EventBridge documents it ("Calculating PutEvents event entry size"): 14 bytes for a
 * `Time`, then the UTF-8 bytes of `Source`, `DetailType`, `Detail` and each of `Resources`.
 */
export function entrySize(entry: PutEventsEntry): number {
  const resources = (entry.Resources ?? []).reduce((sum, resource) => sum + utf8Bytes(resource), 0);
  return (
    (entry.Time === undefined ? 0 : 14) +
    utf8Bytes(entry.Source) +
    utf8Bytes(entry.DetailType) +
    utf8Bytes(entry.Detail) +
    resources
  );
}

/**
 * The request-level checks PutEvents fails the whole call for (`ValidationException`): 1 to 10 entries and
 * their total size within the limit. Entry-level problems are answered per entry instead.
 */
export function checkPutEventsRequest(entries: unknown, maxRequestBytes: number): readonly PutEventsEntry[] {
  if (!Array.isArray(entries)) {
    throw new AwsServiceError(
      'ValidationException',
      "1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null",
    );
  }
  if (entries.length < 1 || entries.length > MAX_ENTRIES) {
    const bound = entries.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${MAX_ENTRIES}`;
    throw new AwsServiceError(
      'ValidationException',
      `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length ${bound}`,
    );
  }
  const typed = entries.map(readEntry);
  const size = typed.reduce((sum, entry) => sum + entrySize(entry), 0);
  if (size > maxRequestBytes) {
    throw new AwsServiceError(
      'ValidationException',
      'Total size of the entries in the request is over the limit.',
    );
  }
  return typed;
}

const stringField = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** An entry of the wire body in the port's shape; `Time` may arrive as epoch seconds (the SDK's encoding). */
function readEntry(value: unknown): PutEventsEntry {
  const fields = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const time = fields.Time;
  const resources = Array.isArray(fields.Resources)
    ? fields.Resources.filter((item): item is string => typeof item === 'string')
    : undefined;
  return {
    Source: stringField(fields.Source),
    DetailType: stringField(fields.DetailType),
    Detail: stringField(fields.Detail),
    EventBusName: stringField(fields.EventBusName),
    Resources: resources,
    Time: typeof time === 'number' ? String(time) : stringField(time),
    TraceHeader: stringField(fields.TraceHeader),
  };
}

/** Why one entry was refused, as PutEvents answers it in that entry's place. */
export interface EntryRefusal {
  readonly ErrorCode: string;
  readonly ErrorMessage: string;
}

const required = (field: string): EntryRefusal => ({
  ErrorCode: 'InvalidArgument',
  ErrorMessage: `Parameter ${field} is not valid. Reason: ${field} is a required argument.`,
});

const isJsonObject = (text: string): boolean => {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
  } catch {
    return false;
  }
};

/**
 * The refusal EventBridge answers for one entry, or undefined when it is accepted: `InvalidArgument` for a
 * missing or oversized Source / DetailType / Detail, `NotAuthorizedForSourceException` for an `aws.` source
 * (reserved to AWS services), `MalformedDetail` for a Detail that is not a JSON object.
 */
export function refuseEntry(entry: PutEventsEntry): EntryRefusal | undefined {
  if (entry.Source === undefined || entry.Source === '') return required('Source');
  if (entry.DetailType === undefined || entry.DetailType === '') return required('DetailType');
  if (entry.Detail === undefined || entry.Detail === '') return required('Detail');
  if (entry.Source.length > MAX_SOURCE) {
    return {
      ErrorCode: 'InvalidArgument',
      ErrorMessage: `Parameter Source is not valid. Reason: Source is longer than ${MAX_SOURCE} characters.`,
    };
  }
  if (entry.DetailType.length > MAX_DETAIL_TYPE) {
    return {
      ErrorCode: 'InvalidArgument',
      ErrorMessage: `Parameter DetailType is not valid. Reason: DetailType is longer than ${MAX_DETAIL_TYPE} characters.`,
    };
  }
  if (entry.Source.startsWith('aws.')) {
    return { ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' };
  }
  if (!isJsonObject(entry.Detail))
    return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  return undefined;
}

/**
 * The event's `time`: the entry's `Time` (epoch seconds, as the SDK sends it, or an ISO date) or the moment it
 * was put, in AWS's form (`2026-01-01T00:00:00Z`, whole seconds).
 */
export function eventTime(time: string | undefined, now: number): string {
  let at = now;
  if (time !== undefined && time !== '') {
    const seconds = Number(time);
    const parsed = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(time);
    if (Number.isFinite(parsed)) at = parsed;
  }
  return `${new Date(Math.floor(at / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}
