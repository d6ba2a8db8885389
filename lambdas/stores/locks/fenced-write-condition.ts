import { InvalidLockRequestError } from './lock-error.js';

/** Default attribute in which a protected item remembers the newest fencing token it accepted. */
export const LAST_FENCING_TOKEN_ATTRIBUTE = 'lastFencingToken';

/**
 * The SET action that records the token; add it to the write's UpdateExpression (or put
 * `lastFencingToken: token` in a PutItem's Item). Its placeholders are the ones {@link fencedWriteCondition}
 * defines.
 */
export const FENCED_WRITE_SET_ACTION = '#lastFencingToken = :fencingToken';

/** Spreadable into an UpdateItem/PutItem/DeleteItem input (merge the names and values with your own). */
export interface FencedWriteCondition {
  readonly ConditionExpression: string;
  readonly ExpressionAttributeNames: Record<string, string>;
  readonly ExpressionAttributeValues: Record<string, number>;
}

const assertToken = (fencingToken: number): void => {
  if (!Number.isSafeInteger(fencingToken) || fencingToken < 1) {
    throw new InvalidLockRequestError(
      '(fenced write)',
      'fencingToken',
      fencingToken,
      'must be a positive integer',
    );
  }
};

/**
 * The condition that makes a protected item reject writes from a holder whose lock has moved on: the write
 * passes only if the item has never seen a token, or the newest token it has seen is not greater than this
 * one. Equal passes on purpose — the current holder writes many times with one token; only a strictly newer
 * token, which exists only after the lease passed to someone else, makes this one stale. A rejected write
 * surfaces as `ConditionalCheckFailedException`; translate it to `StaleFencingTokenError`.
 *
 * @example
 * ```ts
 * const fence = fencedWriteCondition(lock.fencingToken);
 * await documentClient.send(new UpdateCommand({
 *   TableName, Key,
 *   UpdateExpression: `SET #stock = :stock, ${FENCED_WRITE_SET_ACTION}`,
 *   ConditionExpression: fence.ConditionExpression,
 *   ExpressionAttributeNames: { '#stock': 'stock', ...fence.ExpressionAttributeNames },
 *   ExpressionAttributeValues: { ':stock': 7, ...fence.ExpressionAttributeValues },
 * }));
 * ```
 */
export const fencedWriteCondition = (
  fencingToken: number,
  attributeName: string = LAST_FENCING_TOKEN_ATTRIBUTE,
): FencedWriteCondition => {
  assertToken(fencingToken);
  return {
    ConditionExpression: 'attribute_not_exists(#lastFencingToken) OR #lastFencingToken <= :fencingToken',
    ExpressionAttributeNames: { '#lastFencingToken': attributeName },
    ExpressionAttributeValues: { ':fencingToken': fencingToken },
  };
};

/**
 * The same rule for anything that is not DynamoDB (the in-memory fenced resource, a file, a queue consumer).
 *
 * @example
 * ```ts
 * acceptsFencingToken(undefined, 3); // true
 * acceptsFencingToken(5, 4);         // false: token 5 was already accepted
 * ```
 */
export const acceptsFencingToken = (lastFencingToken: number | undefined, fencingToken: number): boolean => {
  assertToken(fencingToken);
  return lastFencingToken === undefined || lastFencingToken <= fencingToken;
};
