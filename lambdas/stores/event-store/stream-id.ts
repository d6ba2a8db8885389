import { InvalidStreamIdError } from './event-store-input-error.js';

/** Longest stream id: ASCII only, so 200 characters are 200 bytes, far below the 2,048-byte key limit. */
export const MAX_STREAM_ID_LENGTH = 200;

/**
 * Letters, digits and `_ . : @ = + / -`, starting with a letter or digit. `#` is excluded because snapshot
 * partitions are `<stream id>#snapshot#<n>`; whitespace and control characters are excluded so ids are
 * safe in logs, URLs and EventBridge metadata. Convention: `<category>-<id>`, e.g. `user-42`.
 */
export const STREAM_ID_PATTERN = /^[A-Za-z0-9][\w.:@=+/-]*$/;

/**
 * Throws {@link InvalidStreamIdError} unless `streamId` is a valid stream id.
 *
 * @example
 * ```ts
 * assertStreamId('user-42'); // ok
 * assertStreamId('user#42'); // throws InvalidStreamIdError
 * ```
 */
export function assertStreamId(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string') throw new InvalidStreamIdError(streamId, 'must be a string');
  if (streamId.length === 0) throw new InvalidStreamIdError(streamId, 'must not be empty');
  if (streamId.length > MAX_STREAM_ID_LENGTH) {
    throw new InvalidStreamIdError(streamId, `at most ${MAX_STREAM_ID_LENGTH} characters`);
  }
  if (!STREAM_ID_PATTERN.test(streamId)) {
    throw new InvalidStreamIdError(
      streamId,
      'letters, digits and _ . : @ = + / - only, starting with a letter or digit',
    );
  }
}
