import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/** DynamoDB failed (throttling, a network fault): transient, retry the step. */
export class PaymentStoreUnavailableError extends AgentbridgeError {
  override readonly name = 'PaymentStoreUnavailableError';
  readonly operation: string;
  /** Read by the Lambda layer's `isTransientError`: a later attempt can succeed. */
  override readonly transient = true;

  constructor(operation: string, options?: { cause?: unknown }) {
    super('PAYMENT_STORE_UNAVAILABLE', `Payment ${operation} failed: ${String(options?.cause)}`, options);
    this.operation = operation;
  }
}

/** A stored charge does not have the shape this code writes. Not transient. */
export class CorruptPaymentItemError extends AgentbridgeError {
  override readonly name = 'CorruptPaymentItemError';
  readonly sagaId: string;

  constructor(sagaId: string, detail: string) {
    super('CORRUPT_PAYMENT_ITEM', `Charge record of saga "${sagaId}" is corrupt: ${detail}`);
    this.sagaId = sagaId;
  }
}
