import type {
  ExecutionStarter,
  ExecutionStartRequest,
} from '../../lambdas/agents/saga-starter/execution-starter-port.js';
import {
  ExecutionAlreadyStartedError,
  ExecutionStartRejectedError,
} from '../../lambdas/agents/saga-starter/saga-starter-error.js';
import type { LocalStepFunctions } from '../stepfunctions/local-step-functions.js';
import {
  isExecutionAlreadyExistsError,
  isLocalStepFunctionsError,
} from '../stepfunctions/local-step-functions-error.js';

/**
 * {@link ExecutionStarter} on the local Step Functions service, with the AWS adapter's translation: an
 * existing execution of the name is `ExecutionAlreadyStartedError`, any other refusal of the service
 * `ExecutionStartRejectedError`.
 *
 * @example
 * ```ts
 * const starter = new LocalExecutionStarter(sfn, sfn.stateMachineArn('order-saga'));
 * ```
 */
export class LocalExecutionStarter implements ExecutionStarter {
  readonly #sfn: LocalStepFunctions;
  readonly #stateMachineArn: string;

  constructor(sfn: LocalStepFunctions, stateMachineArn: string) {
    this.#sfn = sfn;
    this.#stateMachineArn = stateMachineArn;
  }

  async start(request: ExecutionStartRequest): Promise<{ executionArn: string }> {
    try {
      const { executionArn } = await this.#sfn.startExecution({
        stateMachineArn: this.#stateMachineArn,
        name: request.name,
        input: JSON.stringify(request.input ?? {}),
      });
      return { executionArn };
    } catch (error) {
      if (isExecutionAlreadyExistsError(error)) {
        throw new ExecutionAlreadyStartedError(request.name, { cause: error });
      }
      if (isLocalStepFunctionsError(error)) {
        throw new ExecutionStartRejectedError(request.name, error.code, { cause: error });
      }
      throw error;
    }
  }
}
