/**
 * Name checks instead of `instanceof`, so the adapter also recognises exceptions thrown by a second copy of
 * `@aws-sdk/client-dynamodb` (bundlers, mocks). Both mean "a condition said no": the lock store turns them
 * into a re-read or a domain error, never into a bare SDK error.
 */
export const isConditionalCheckFailed = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

/** A TransactWriteItems that a condition or a concurrent transaction cancelled: nothing was written. */
export const isTransactionCanceled = (error: unknown): boolean =>
  error instanceof Error &&
  (error.name === 'TransactionCanceledException' || error.name === 'TransactionConflictException');
