import { AgentbridgeError } from '../../lambdas/contracts/agentbridge-error.js';

/**
 * Base of every error the local Step Functions service raises. `code` is the AWS Step Functions API error
 * code the real service answers in the same situation (`ExecutionAlreadyExists`, `TaskTimedOut`, ...), so
 * adapters translate local and SDK errors the same way, and the local cloud can return it on the wire.
 */
export abstract class LocalStepFunctionsError extends AgentbridgeError {}

export const isLocalStepFunctionsError = (error: unknown): error is LocalStepFunctionsError =>
  error instanceof LocalStepFunctionsError;

/** StartExecution with a name already used on this state machine (and a different input, or not running). */
export class ExecutionAlreadyExistsError extends LocalStepFunctionsError {
  override readonly name = 'ExecutionAlreadyExistsError';
  readonly executionArn: string;

  constructor(executionArn: string) {
    super('ExecutionAlreadyExists', `Execution already exists: ${executionArn}`);
    this.executionArn = executionArn;
  }
}

export const isExecutionAlreadyExistsError = (error: unknown): error is ExecutionAlreadyExistsError =>
  error instanceof ExecutionAlreadyExistsError;

export class ExecutionDoesNotExistError extends LocalStepFunctionsError {
  override readonly name = 'ExecutionDoesNotExistError';
  readonly executionArn: string;

  constructor(executionArn: string) {
    super('ExecutionDoesNotExist', `Execution does not exist: ${executionArn}`);
    this.executionArn = executionArn;
  }
}

export class StateMachineDoesNotExistError extends LocalStepFunctionsError {
  override readonly name = 'StateMachineDoesNotExistError';
  readonly stateMachineArn: string;

  constructor(stateMachineArn: string) {
    super('StateMachineDoesNotExist', `State machine does not exist: ${stateMachineArn}`);
    this.stateMachineArn = stateMachineArn;
  }
}

/** A definition the engine cannot run: invalid ASL, an unresolved `${Placeholder}`, an unsupported Task. */
export class InvalidDefinitionError extends LocalStepFunctionsError {
  override readonly name = 'InvalidDefinitionError';
  readonly stateMachineName: string;
  readonly problems: readonly string[];

  constructor(stateMachineName: string, problems: readonly string[], options?: { cause?: unknown }) {
    super(
      'InvalidDefinition',
      `State machine ${stateMachineName} cannot run locally: ${problems.join('; ')}`,
      options,
    );
    this.stateMachineName = stateMachineName;
    this.problems = problems;
  }
}

/** A name, input or output the API refuses (bad execution name, input or output that is not JSON). */
export class InvalidRequestError extends LocalStepFunctionsError {
  override readonly name = 'InvalidRequestError';
  readonly field: 'name' | 'input' | 'output';

  constructor(
    code: 'InvalidName' | 'InvalidExecutionInput' | 'InvalidOutput',
    field: InvalidRequestError['field'],
    reason: string,
  ) {
    super(code, `Invalid ${field}: ${reason}`);
    this.field = field;
  }
}

/** SendTask* with a token no task ever issued. */
export class InvalidTokenError extends LocalStepFunctionsError {
  override readonly name = 'InvalidTokenError';
  constructor() {
    super('InvalidToken', 'Invalid task token');
  }
}

/** SendTask* with the token of a task that is over (completed, failed or timed out), as AWS answers. */
export class TaskTimedOutError extends LocalStepFunctionsError {
  override readonly name = 'TaskTimedOutError';
  constructor() {
    super('TaskTimedOut', 'Task Timed Out: the task of this token is no longer waiting');
  }
}

/** StartExecution of a STANDARD machine while the account's open executions are at their quota. */
export class ExecutionLimitExceededError extends LocalStepFunctionsError {
  override readonly name = 'ExecutionLimitExceededError';
  readonly limit: number;

  constructor(limit: number) {
    super('ExecutionLimitExceeded', `Maximum number of running executions (${limit}) reached`);
    this.limit = limit;
  }
}
