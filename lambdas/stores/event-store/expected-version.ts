import { InvalidExpectedVersionError } from './event-store-input-error.js';

/** The stream must not exist yet (same as expected version 0). */
export const NO_STREAM = 'no-stream';
/** Append whatever the stream's version is (versions stay contiguous; the store retries internally). */
export const ANY_VERSION = 'any';

/**
 * What `append` expects the stream's current version to be: an exact version (the number of events in the
 * stream), `'no-stream'` or `'any'`.
 */
export type ExpectedVersion = number | typeof NO_STREAM | typeof ANY_VERSION;

/**
 * Validates an expected version and resolves `'no-stream'` to 0. `'any'` stays `'any'`.
 *
 * @throws InvalidExpectedVersionError for negative, fractional, unsafe or non-numeric values.
 * @example
 * ```ts
 * resolveExpectedVersion('no-stream'); // 0
 * resolveExpectedVersion(-1); // throws InvalidExpectedVersionError
 * ```
 */
export const resolveExpectedVersion = (expected: unknown): number | typeof ANY_VERSION => {
  if (expected === NO_STREAM) return 0;
  if (expected === ANY_VERSION) return ANY_VERSION;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return expected;
  throw new InvalidExpectedVersionError(expected);
};
