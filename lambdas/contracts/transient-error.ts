import { ContractError } from './contract-error.js';
import { TRANSIENT_TASK_ERROR } from './state-machines.js';

/**
 * What a Step Functions task's function throws when the failure is worth a retry: its `name` is
 * {@link TRANSIENT_TASK_ERROR}, the one project error name the state machines' `Retry` matches (next to the
 * Lambda service's own). `errorType` keeps the name of the error underneath, for logs and execution history.
 *
 * @example
 * ```ts
 * throw new TransientError(concurrencyError); // name "TransientError", errorType "ConcurrencyError"
 * ```
 */
export class TransientError extends ContractError {
  /** Marks the error retryable for `isTransientError` and friends. */
  readonly transient = true;
  readonly errorType: string;

  constructor(cause: unknown) {
    const inner = cause instanceof Error ? cause : new Error(String(cause));
    super('TRANSIENT', `${inner.name}: ${inner.message}`, { cause });
    // Set explicitly, not from the class name: minified bundles rename classes, and Retry matches this text.
    this.name = TRANSIENT_TASK_ERROR;
    this.errorType = inner.name;
  }
}

export const isTransientTaskError = (error: unknown): error is TransientError =>
  error instanceof TransientError;
