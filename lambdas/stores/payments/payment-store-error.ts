/** Base of every error the payment store raises; `code` is stable so callers branch on it. */
export class PaymentStoreError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export const isPaymentStoreError = (error: unknown): error is PaymentStoreError =>
  error instanceof PaymentStoreError;

/** DynamoDB failed (throttling, a network fault): transient, retry the step. */
export class PaymentStoreUnavailableError extends PaymentStoreError {
  readonly operation: string;
  /** Read by the Lambda layer's `isTransientError`: a later attempt can succeed. */
  readonly transient = true;

  constructor(operation: string, options?: { cause?: unknown }) {
    super('PAYMENT_STORE_UNAVAILABLE', `Payment ${operation} failed: ${String(options?.cause)}`, options);
    this.operation = operation;
  }
}

export const isPaymentStoreUnavailableError = (error: unknown): error is PaymentStoreUnavailableError =>
  error instanceof PaymentStoreUnavailableError;

/** A stored charge does not have the shape this code writes. Not transient. */
export class CorruptPaymentItemError extends PaymentStoreError {
  readonly sagaId: string;

  constructor(sagaId: string, detail: string) {
    super('CORRUPT_PAYMENT_ITEM', `Charge record of saga "${sagaId}" is corrupt: ${detail}`);
    this.sagaId = sagaId;
  }
}

export const isCorruptPaymentItemError = (error: unknown): error is CorruptPaymentItemError =>
  error instanceof CorruptPaymentItemError;
