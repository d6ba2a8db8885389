import type { TaskCallbackPort } from '../../lambdas/agents/lifecycle/task-callback-port.js';
import { toTaskCallbackError } from '../../lambdas/agents/lifecycle/to-task-callback-error.js';
import type { LocalStepFunctions } from '../stepfunctions/local-step-functions.js';

/**
 * {@link TaskCallbackPort} on the local Step Functions service: the lifecycle agent resumes local executions
 * exactly as it resumes deployed ones. The local service raises errors carrying the API's codes
 * (`TaskTimedOut`, `InvalidToken`), so the same translation applies.
 *
 * @example
 * ```ts
 * const tasks = lifecycleTasks({ tokens: new InMemoryTaskTokenStore(), callbacks: new LocalTaskCallbacks(sfn) });
 * ```
 */
export class LocalTaskCallbacks implements TaskCallbackPort {
  readonly #sfn: LocalStepFunctions;

  constructor(sfn: LocalStepFunctions) {
    this.#sfn = sfn;
  }

  async succeed(taskToken: string, output: unknown): Promise<void> {
    try {
      await this.#sfn.sendTaskSuccess({ taskToken, output: JSON.stringify(output ?? null) });
    } catch (error) {
      throw toTaskCallbackError('succeed', error);
    }
  }

  async fail(taskToken: string, error: string, cause: string): Promise<void> {
    try {
      await this.#sfn.sendTaskFailure({ taskToken, error, cause });
    } catch (failure) {
      throw toTaskCallbackError('fail', failure);
    }
  }

  async heartbeat(taskToken: string): Promise<void> {
    try {
      await this.#sfn.sendTaskHeartbeat({ taskToken });
    } catch (error) {
      throw toTaskCallbackError('heartbeat', error);
    }
  }
}
