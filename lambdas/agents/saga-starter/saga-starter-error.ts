import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/**
 * An execution of this name exists already (Step Functions' `ExecutionAlreadyExists`): the order's saga was
 * started by an earlier delivery of the same OrderRequested. The starter treats it as done.
 */
export class ExecutionAlreadyStartedError extends AgentbridgeError {
  override readonly name = 'ExecutionAlreadyStartedError';
  readonly executionName: string;

  constructor(executionName: string, options?: { cause?: unknown }) {
    super('EXECUTION_ALREADY_STARTED', `An execution named ${executionName} exists already`, options);
    this.executionName = executionName;
  }
}

/** Step Functions throttled or failed the call: worth a retry (the event is redelivered). */
export class ExecutionStartUnavailableError extends AgentbridgeError {
  override readonly name = 'ExecutionStartUnavailableError';
  readonly executionName: string;

  constructor(executionName: string, options?: { cause?: unknown }) {
    super(
      'EXECUTION_START_UNAVAILABLE',
      `Could not start execution ${executionName}: ${String(options?.cause)}`,
      { ...options, transient: true },
    );
    this.executionName = executionName;
  }
}

/**
 * Step Functions refused the start for a reason a retry cannot fix (the state machine does not exist, the
 * role may not start it, the name or input is invalid): the event ends in the dead-letter queue.
 */
export class ExecutionStartRejectedError extends AgentbridgeError {
  override readonly name = 'ExecutionStartRejectedError';
  readonly executionName: string;
  /** The service's error name, e.g. `StateMachineDoesNotExist`. */
  readonly serviceCode: string;

  constructor(executionName: string, serviceCode: string, options?: { cause?: unknown }) {
    super(
      'EXECUTION_START_REJECTED',
      `Step Functions refused to start ${executionName} (${serviceCode})`,
      options,
    );
    this.executionName = executionName;
    this.serviceCode = serviceCode;
  }
}
