import { TaskCallbackUnavailableError, TaskTokenClosedError } from './task-callback-error.js';

/** Step Functions error codes meaning "this token's task is over": retrying cannot help. */
const CLOSED_CODES = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

/**
 * Translates a failed SendTask* call into the port's errors. The AWS SDK names its exceptions after the
 * service's error codes (`TaskTimedOut`); the local engine carries the same code in `code`.
 *
 * @example
 * ```ts
 * try { await client.send(command); } catch (error) { throw toTaskCallbackError('succeed', error); }
 * ```
 */
export function toTaskCallbackError(
  operation: TaskCallbackUnavailableError['operation'],
  error: unknown,
): TaskTokenClosedError | TaskCallbackUnavailableError {
  const fields = error instanceof Error ? (error as Error & { code?: unknown }) : undefined;
  const code = typeof fields?.code === 'string' ? fields.code : fields?.name;
  if (code !== undefined && CLOSED_CODES.has(code)) return new TaskTokenClosedError(code, { cause: error });
  return new TaskCallbackUnavailableError(operation, { cause: error });
}
