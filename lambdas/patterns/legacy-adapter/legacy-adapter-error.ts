import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/**
 * The legacy system answered with an error of its own: its code is kept as `legacyCode` (and in the
 * message), so a caller branches on what the legacy system said. Transient when the adapter's configuration
 * says that code (or the HTTP status) is worth a retry.
 */
export class LegacySystemError extends AgentbridgeError {
  override readonly name = 'LegacySystemError';
  readonly legacyCode: string;
  readonly status: number;
  readonly operation: string;

  constructor(fields: {
    operation: string;
    legacyCode: string;
    message: string;
    status: number;
    transient: boolean;
  }) {
    super(
      'LEGACY_SYSTEM_ERROR',
      `${fields.operation}: the legacy system answered ${fields.legacyCode}: ${fields.message}`,
      {
        transient: fields.transient,
      },
    );
    this.legacyCode = fields.legacyCode;
    this.status = fields.status;
    this.operation = fields.operation;
  }
}

/** Why the adapter failed on its own side, not because the legacy system said no. */
export type LegacyAdapterFailure =
  /** No answer within the timeout. Transient. */
  | 'timeout'
  /** The connection failed (refused, reset, unknown host). Transient. */
  | 'unreachable'
  /** An answer that is not the legacy format (not JSON, wrong shape). */
  | 'malformed-response'
  /** A field could not be converted either way (a value of the wrong type, an unknown status). */
  | 'mapping'
  /** An operation the adapter does not declare. */
  | 'unknown-operation';

const TRANSIENT: ReadonlySet<LegacyAdapterFailure> = new Set(['timeout', 'unreachable']);

/** Everything that goes wrong in the adapter itself; `failure` says what, and whether a retry can help. */
export class LegacyAdapterError extends AgentbridgeError {
  override readonly name = 'LegacyAdapterError';
  readonly failure: LegacyAdapterFailure;
  readonly operation: string;
  /** The field a `mapping` failure is about. */
  readonly field: string | undefined;

  constructor(
    fields: { failure: LegacyAdapterFailure; operation: string; message: string; field?: string },
    options?: { cause?: unknown },
  ) {
    super('LEGACY_ADAPTER_FAILURE', `${fields.operation}: ${fields.message}`, {
      transient: TRANSIENT.has(fields.failure),
      cause: options?.cause,
    });
    this.failure = fields.failure;
    this.operation = fields.operation;
    this.field = fields.field;
  }
}
