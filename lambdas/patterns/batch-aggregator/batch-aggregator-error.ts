import { AgentbridgeError, isAgentbridgeError } from '../../contracts/agentbridge-error.js';

/** An aggregator's options that cannot work (a size below one, a negative window, no aggregator). */
export class InvalidBatchOptionsError extends AgentbridgeError {
  override readonly name = 'InvalidBatchOptionsError';
  readonly aggregator: string;

  constructor(aggregator: string, problem: string) {
    super('INVALID_BATCH_OPTIONS', `batch aggregator ${aggregator}: ${problem}`);
    this.aggregator = aggregator;
  }
}

/**
 * A request the aggregator refuses before it joins a batch: no id, an id already waiting in the same batch
 * (`DUPLICATE_BATCH_REQUEST`), or a type with no declared aggregator and no default (`NO_AGGREGATOR`).
 * The same request is refused again on every attempt.
 */
export class BatchRequestRefusedError extends AgentbridgeError {
  override readonly name = 'BatchRequestRefusedError';
  readonly requestId: string;

  constructor(
    code: 'INVALID_BATCH_REQUEST' | 'DUPLICATE_BATCH_REQUEST' | 'NO_AGGREGATOR',
    requestId: string,
    message: string,
  ) {
    super(code, `request ${requestId || '(no id)'}: ${message}`);
    this.requestId = requestId;
  }
}

/**
 * The batch's one call failed, so every request waiting in it fails with this error, the call's error as its
 * `cause`. Transient when the cause is: the batch may succeed when its requests are tried again.
 */
export class BatchFailedError extends AgentbridgeError {
  override readonly name = 'BatchFailedError';
  readonly batchKey: string;
  readonly batchSize: number;

  constructor(batchKey: string, batchSize: number, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super('BATCH_FAILED', `batch ${batchKey} of ${batchSize} failed: ${reason}`, {
      cause,
      transient: isAgentbridgeError(cause) ? cause.transient : false,
    });
    this.batchKey = batchKey;
    this.batchSize = batchSize;
  }
}

/**
 * The batch's call answered, but not for this request (`BATCH_RESULT_MISSING`), or answered in a shape that
 * cannot be matched to its requests (`BATCH_RESPONSE_MISMATCH`, e.g. a bulk API returning fewer items than
 * it was sent). Not transient: the same call would answer the same way.
 */
export class BatchResultError extends AgentbridgeError {
  override readonly name = 'BatchResultError';
  readonly batchKey: string;
  readonly requestId: string | undefined;

  constructor(
    code: 'BATCH_RESULT_MISSING' | 'BATCH_RESPONSE_MISMATCH',
    batchKey: string,
    message: string,
    requestId?: string,
  ) {
    super(code, `batch ${batchKey}: ${message}`);
    this.batchKey = batchKey;
    this.requestId = requestId;
  }
}
