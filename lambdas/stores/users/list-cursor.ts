import { InvalidUsersCursorError } from './users-store-error.js';

type Key = Record<string, unknown>;

/**
 * Encodes a GSI page's LastEvaluatedKey as an opaque cursor (base64url JSON), tagged with the listing it
 * belongs to so a cursor from another listing is refused rather than silently read from.
 *
 * @example
 * ```ts
 * const cursor = encodeListCursor('profile', page.LastEvaluatedKey);
 * ```
 */
export const encodeListCursor = (listing: string, key: Key): string =>
  Buffer.from(JSON.stringify({ l: listing, k: key }), 'utf8').toString('base64url');

/**
 * Decodes a cursor made by {@link encodeListCursor} for `listing`; only string-valued keys are accepted.
 *
 * @throws InvalidUsersCursorError
 * @example
 * ```ts
 * const exclusiveStartKey = decodeListCursor('profile', cursor);
 * ```
 */
export const decodeListCursor = (listing: string, cursor: string): Key => {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw new InvalidUsersCursorError(cursor, { cause: error });
  }
  const { l, k } = (typeof decoded === 'object' && decoded !== null ? decoded : {}) as Record<
    string,
    unknown
  >;
  const valid =
    l === listing &&
    typeof k === 'object' &&
    k !== null &&
    Object.values(k).every((value) => typeof value === 'string');
  if (!valid) throw new InvalidUsersCursorError(cursor);
  return k as Key;
};
