import { InvalidCursorError } from './event-store-input-error.js';

/** Where the next page of a read starts. Opaque to callers: base64url of `{ s, d, v }`. */
export interface ReadPosition {
  readonly streamId: string;
  readonly direction: 'forward' | 'backward';
  readonly nextVersion: number;
}

/**
 * Encodes a read position as an opaque cursor.
 *
 * @example
 * ```ts
 * const cursor = encodeCursor({ streamId: 'user-1', direction: 'forward', nextVersion: 101 });
 * ```
 */
export const encodeCursor = (position: ReadPosition): string =>
  Buffer.from(
    JSON.stringify({
      s: position.streamId,
      d: position.direction === 'forward' ? 'f' : 'b',
      v: position.nextVersion,
    }),
    'utf8',
  ).toString('base64url');

/**
 * Decodes a cursor and checks it belongs to this stream and direction: a cursor from another read is a
 * caller bug, and silently reading from its position would return the wrong events.
 *
 * @throws InvalidCursorError
 * @example
 * ```ts
 * decodeCursor(cursor, 'user-1', 'forward').nextVersion; // 101
 * ```
 */
export const decodeCursor = (
  cursor: string,
  streamId: string,
  direction: 'forward' | 'backward',
): ReadPosition => {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw new InvalidCursorError(cursor, `not a cursor issued by the event store (${String(error)})`);
  }
  if (typeof decoded !== 'object' || decoded === null) throw new InvalidCursorError(cursor, 'not a cursor');
  const { s, d, v } = decoded as Record<string, unknown>;
  if (s !== streamId) throw new InvalidCursorError(cursor, `issued for another stream, not "${streamId}"`);
  if (d !== (direction === 'forward' ? 'f' : 'b')) {
    throw new InvalidCursorError(cursor, `issued for a read in the other direction, not ${direction}`);
  }
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    throw new InvalidCursorError(cursor, 'its version is not a non-negative integer');
  }
  return { streamId, direction, nextVersion: v };
};
