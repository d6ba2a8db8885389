/**
 * Errors from outside agentbridge that a later attempt can get past, by name: Powertools idempotency (another
 * attempt is in flight, or its table failed) and the AWS SDK's request timeout.
 */
const EXTERNAL_TRANSIENT_NAMES = new Set([
  'IdempotencyAlreadyInProgressError',
  'IdempotencyInconsistentStateError',
  'IdempotencyPersistenceLayerError',
  'TimeoutError',
]);

/** Node's codes for a connection that failed on the way: the service never answered. */
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

/**
 * Whether an error raised while handling a send is worth a retry: infrastructure trouble (a lost state race,
 * a throttled or unavailable AWS service, a timeout), not the handler's verdict. agentbridge's own errors
 * say so themselves (`transient: true`); errors from outside are recognised here, in one place: AWS SDK
 * throttling and server faults, network failures, Powertools idempotency errors. A transient error is thrown
 * from the handler, so Lambda reports it as a `FunctionError` (and retries asynchronous invocations); any
 * other error is answered as `{ ok: false, error }`.
 *
 * @example
 * ```ts
 * isTransientError(new DeliveryConflictError('a/k', 'm1')); // true
 * isTransientError(new DomainFailureError('OUT_OF_STOCK')); // false
 * ```
 */
export function isTransientError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const fields = error as Error & {
    code?: unknown;
    transient?: unknown;
    $fault?: unknown;
    $retryable?: unknown;
  };
  if (fields.transient === true) return true;
  if (typeof fields.code === 'string' && NETWORK_CODES.has(fields.code)) return true;
  if (EXTERNAL_TRANSIENT_NAMES.has(error.name)) return true;
  // AWS SDK service errors: throttling is flagged retryable, server faults are the service's own trouble.
  return fields.$retryable !== undefined || fields.$fault === 'server';
}
