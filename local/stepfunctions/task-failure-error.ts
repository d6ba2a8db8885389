import { AgentbridgeError, messageOf } from '../../lambdas/contracts/agentbridge-error.js';

/**
 * A task's failure as the engine sees it: `name` is the Step Functions error (what `Retry`/`Catch`
 * `ErrorEquals` match: `PaymentDeclinedError`, `TransientError`, `States.Timeout`,
 * `StepFunctions.ExecutionAlreadyExists`, ...) and `message` its cause (the engine's `Cause`).
 */
export class TaskFailureError extends AgentbridgeError {
  /** The Step Functions error name, as `ErrorEquals` matches it. */
  override readonly name: string;
  /** The Step Functions error name; also `name`. */
  readonly error: string;

  constructor(error: string, cause: string, options?: { cause?: unknown }) {
    super('TASK_FAILED', cause, options);
    this.name = error;
    this.error = error;
  }
}

export const isTaskFailureError = (error: unknown): error is TaskFailureError =>
  error instanceof TaskFailureError;

/**
 * How the `lambda:invoke` integration reports a function error: Error = the function's `errorType`, Cause =
 * the JSON the Lambda runtime writes (`{"errorType","errorMessage","trace"}`; no trace offline).
 *
 * @example
 * ```ts
 * lambdaTaskFailure(new PaymentDeclinedError(...)); // name 'PaymentDeclinedError', message '{"errorType":...}'
 * ```
 */
export function lambdaTaskFailure(error: unknown): TaskFailureError {
  const errorType = error instanceof Error ? error.name : 'Error';
  const errorMessage = messageOf(error);
  return new TaskFailureError(errorType, JSON.stringify({ errorType, errorMessage, trace: [] }), {
    cause: error,
  });
}
