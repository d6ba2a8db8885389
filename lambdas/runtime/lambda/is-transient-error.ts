/** Codes of agentbridge errors that a later attempt of the same delivery can succeed past. */
const TRANSIENT_CODES = new Set([
  'DELIVERY_CONFLICT',
  'STATE_VERSION_CONFLICT',
  'AGENT_STATE_STORE_UNAVAILABLE',
  'PUBLISH_FAILED',
  'SEND_TIMEOUT',
  'REMOTE_FUNCTION_ERROR',
  // The delivery's deadline passed (the invocation is running out of time): a retry gets a fresh budget.
  'MESSAGE_CANCELLED',
]);

/** Powertools idempotency errors: another attempt is in flight, or the idempotency table failed. */
const TRANSIENT_NAMES = new Set([
  'IdempotencyAlreadyInProgressError',
  'IdempotencyInconsistentStateError',
  'IdempotencyPersistenceLayerError',
  'TimeoutError',
]);

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

/**
 * Whether an error raised while handling a send is worth a retry: infrastructure trouble (a lost state race,
 * a throttled or unavailable AWS service, a timeout), not the handler's verdict. A transient error is thrown
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
  if (
    typeof fields.code === 'string' &&
    (TRANSIENT_CODES.has(fields.code) || NETWORK_CODES.has(fields.code))
  ) {
    return true;
  }
  if (TRANSIENT_NAMES.has(error.name)) return true;
  // AWS SDK service errors: throttling is flagged retryable, server faults are the service's own trouble.
  return fields.$retryable !== undefined || fields.$fault === 'server';
}
