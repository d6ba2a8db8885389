import type { DeadLetterRecord } from '../../../contracts/dead-letter-record.js';

/**
 * Where an agent function records input it rejects as bad (never retried, never dropped). The SQS adapter
 * writes to the function's dead-letter queue; the in-memory adapter keeps records for tests and the demo.
 * A failing `record` throws, and the handler rethrows it so Lambda retries rather than losing the input.
 *
 * @example
 * ```ts
 * await sink.record({ kind: 'agentbridge.bad-input', reason: 'invalid-json', code: 'INVALID_JSON', … });
 * ```
 */
export interface DeadLetterSink {
  record(record: DeadLetterRecord): Promise<void>;
}
