import { AgentbridgeError } from './agentbridge-error.js';

/**
 * The error name a task's Lambda function throws for trouble a later attempt can get past (a lost
 * optimistic-concurrency race, a throttled store). The state machines retry it, with the Lambda service's own
 * transient errors, and nothing else: business errors are caught and compensated, bad input fails at once.
 */
export const TRANSIENT_TASK_ERROR = 'TransientError';

/** The Lambda service errors worth a retry (Step Functions' recommended list for `lambda:invoke`). */
export const LAMBDA_TRANSIENT_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
] as const;

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
export class TransientError extends AgentbridgeError {
  override readonly name = TRANSIENT_TASK_ERROR;
  readonly errorType: string;

  constructor(cause: unknown) {
    const inner = cause instanceof Error ? cause : new Error(String(cause));
    super('TRANSIENT', `${inner.name}: ${inner.message}`, { cause, transient: true });
    this.errorType = inner.name;
  }
}

export const isTransientTaskError = (error: unknown): error is TransientError =>
  error instanceof TransientError;
