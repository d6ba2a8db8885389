import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/**
 * The token's task is over: it completed (another trigger resumed it first), timed out, or the token was
 * never valid. Step Functions answers `TaskTimedOut`, `TaskDoesNotExist` or `InvalidToken`; retrying cannot
 * help, so the trigger is rejected.
 */
export class TaskTokenClosedError extends AgentbridgeError {
  override readonly name = 'TaskTokenClosedError';
  /** The service's error code, e.g. `TaskTimedOut`. */
  readonly serviceCode: string;

  constructor(serviceCode: string, options?: { cause?: unknown }) {
    super('TASK_TOKEN_CLOSED', `The waiting task is over (${serviceCode})`, options);
    this.serviceCode = serviceCode;
  }
}

export const isTaskTokenClosedError = (error: unknown): error is TaskTokenClosedError =>
  error instanceof TaskTokenClosedError;

/** Step Functions could not be reached or throttled the call: worth a retry. */
export class TaskCallbackUnavailableError extends AgentbridgeError {
  override readonly name = 'TaskCallbackUnavailableError';
  readonly operation: 'succeed' | 'fail' | 'heartbeat';

  constructor(operation: TaskCallbackUnavailableError['operation'], options?: { cause?: unknown }) {
    super('TASK_CALLBACK_UNAVAILABLE', `SendTask ${operation} failed: ${String(options?.cause)}`, {
      ...options,
      transient: true,
    });
    this.operation = operation;
  }
}
