import { decodeEvent } from './decode-event.js';
import { InvalidOptionError } from './event-store-input-error.js';
import type { EventStorePort } from './event-store-port.js';
import { decodeCursor, encodeCursor } from './read-cursor.js';
import type { StoredEvent } from './stored-event.js';

/** Page size when a read names none. */
export const DEFAULT_READ_LIMIT = 100;
/** Largest page a read may ask for. */
export const MAX_READ_LIMIT = 1_000;

export interface ReadOptions {
  /** First version to return (forward: default 1; backward: default the stream's last event). */
  readonly fromVersion?: number;
  /** Page size, 1–1,000, default 100. */
  readonly limit?: number;
  /** The `cursor` of the previous page; takes precedence over `fromVersion`. */
  readonly cursor?: string;
}

export interface ReadPage {
  readonly events: readonly StoredEvent[];
  /** Present when more events follow in this direction: pass it back as `options.cursor`. */
  readonly cursor?: string;
}

const positiveInteger = (option: string, value: number, max: number): number => {
  if (!Number.isSafeInteger(value) || value < 1 || value > max) {
    throw new InvalidOptionError(option, value, `expected an integer from 1 to ${max}`);
  }
  return value;
};

/**
 * Reads one page of a stream in one direction. A stream that does not exist reads as empty.
 *
 * @throws InvalidOptionError, InvalidCursorError
 * @example
 * ```ts
 * const page = await readPage(adapter, 'user-1', 'forward', { limit: 50 });
 * const next = page.cursor && (await readPage(adapter, 'user-1', 'forward', { cursor: page.cursor }));
 * ```
 */
export const readPage = async (
  adapter: EventStorePort,
  streamId: string,
  direction: 'forward' | 'backward',
  options: ReadOptions = {},
): Promise<ReadPage> => {
  const limit = positiveInteger('limit', options.limit ?? DEFAULT_READ_LIMIT, MAX_READ_LIMIT);
  const start =
    options.cursor === undefined
      ? positiveInteger(
          'fromVersion',
          options.fromVersion ?? (direction === 'forward' ? 1 : Number.MAX_SAFE_INTEGER),
          Number.MAX_SAFE_INTEGER,
        )
      : decodeCursor(options.cursor, streamId, direction).nextVersion;
  const range = await adapter.readEvents(streamId, {
    direction,
    minVersion: direction === 'forward' ? start : 1,
    maxVersion: direction === 'forward' ? Number.MAX_SAFE_INTEGER : start,
    limit,
  });
  const events = range.events.map(decodeEvent);
  const last = events.at(-1);
  if (!range.hasMore || last === undefined) return { events };
  const nextVersion = direction === 'forward' ? last.version + 1 : last.version - 1;
  return { events, cursor: encodeCursor({ streamId, direction, nextVersion }) };
};
