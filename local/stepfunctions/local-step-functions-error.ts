/**
 * Base of every error the local Step Functions service raises. `code` is the AWS Step Functions API error
 * code the real service answers in the same situation (`ExecutionAlreadyExists`, `TaskTimedOut`, ...), so
 * adapters translate local and SDK errors the same way, and the local cloud can return it on the wire.
 */
export class LocalStepFunctionsError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export const isLocalStepFunctionsError = (error: unknown): error is LocalStepFunctionsError =>
  error instanceof LocalStepFunctionsError;

/** StartExecution with a name already used on this state machine (and a different input, or not running). */
export class ExecutionAlreadyExistsError extends LocalStepFunctionsError {
  readonly executionArn: string;

  constructor(executionArn: string) {
    super('ExecutionAlreadyExists', `Execution already exists: ${executionArn}`);
    this.executionArn = executionArn;
  }
}

export const isExecutionAlreadyExistsError = (error: unknown): error is ExecutionAlreadyExistsError =>
  error instanceof ExecutionAlreadyExistsError;

export class ExecutionDoesNotExistError extends LocalStepFunctionsError {
  readonly executionArn: string;

  constructor(executionArn: string) {
    super('ExecutionDoesNotExist', `Execution does not exist: ${executionArn}`);
    this.executionArn = executionArn;
  }
}

export const isExecutionDoesNotExistError = (error: unknown): error is ExecutionDoesNotExistError =>
  error instanceof ExecutionDoesNotExistError;

export class StateMachineDoesNotExistError extends LocalStepFunctionsError {
  readonly stateMachineArn: string;

  constructor(stateMachineArn: string) {
    super('StateMachineDoesNotExist', `State machine does not exist: ${stateMachineArn}`);
    this.stateMachineArn = stateMachineArn;
  }
}

export const isStateMachineDoesNotExistError = (error: unknown): error is StateMachineDoesNotExistError =>
  error instanceof StateMachineDoesNotExistError;

/** A definition the engine cannot run: invalid ASL, an unresolved `${Placeholder}`, an unsupported Task. */
export class InvalidDefinitionError extends LocalStepFunctionsError {
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

export const isInvalidDefinitionError = (error: unknown): error is InvalidDefinitionError =>
  error instanceof InvalidDefinitionError;

/** A name, input or output the API refuses (bad execution name, input or output that is not JSON). */
export class InvalidRequestError extends LocalStepFunctionsError {
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

export const isInvalidRequestError = (error: unknown): error is InvalidRequestError =>
  error instanceof InvalidRequestError;

/** SendTask* with a token no task ever issued. */
export class InvalidTokenError extends LocalStepFunctionsError {
  constructor() {
    super('InvalidToken', 'Invalid task token');
  }
}

export const isInvalidTokenError = (error: unknown): error is InvalidTokenError =>
  error instanceof InvalidTokenError;

/** SendTask* with the token of a task that is over (completed, failed or timed out), as AWS answers. */
export class TaskTimedOutError extends LocalStepFunctionsError {
  constructor() {
    super('TaskTimedOut', 'Task Timed Out: the task of this token is no longer waiting');
  }
}

export const isTaskTimedOutError = (error: unknown): error is TaskTimedOutError =>
  error instanceof TaskTimedOutError;

/** StartExecution of a STANDARD machine while the account's open executions are at their quota. */
export class ExecutionLimitExceededError extends LocalStepFunctionsError {
  readonly limit: number;

  constructor(limit: number) {
    super('ExecutionLimitExceeded', `Maximum number of running executions (${limit}) reached`);
    this.limit = limit;
  }
}
