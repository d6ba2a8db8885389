import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/** Cancellation reasons that mean "another writer was, or is, at this stream" rather than a fault. */
const RACE_CODES = new Set(['ConditionalCheckFailed', 'TransactionConflict']);

/**
 * True when an append failed because the stream was not at the expected version: a failed condition on a
 * single PutItem, or a cancelled transaction whose reasons are only condition failures or a conflict with
 * another in-flight transaction on the same items. Anything else (validation, throttling) is a fault.
 *
 * @example
 * ```ts
 * if (isLostRace(error)) throw new ConcurrencyError(streamId, expected, await currentVersion(streamId));
 * ```
 */
export const isLostRace = (error: unknown): boolean => {
  if (error instanceof ConditionalCheckFailedException) return true;
  if (!(error instanceof TransactionCanceledException)) return false;
  const codes = (error.CancellationReasons ?? [])
    .map((reason) => reason.Code ?? 'None')
    .filter((code) => code !== 'None');
  return codes.length > 0 && codes.every((code) => RACE_CODES.has(code));
};
