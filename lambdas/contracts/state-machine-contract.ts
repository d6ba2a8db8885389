/**
 * What one ASL `${Placeholder}` stands for. `AgentBridge.addStateMachine` resolves it (and grants it); the
 * local engine too.
 */
export type StateMachinePlaceholder =
  /** The ARN of the Lambda function hosting an agent type (a `lambda:invoke` task's `FunctionName`). */
  | { readonly kind: 'functionArn'; readonly agentType: string }
  /** The agentbridge bus name (an `events:putEvents` task's `EventBusName`). */
  | { readonly kind: 'eventBusName' }
  /**
   * Another state machine's ARN (a `states:startExecution` task's `StateMachineArn`), by the name it is
   * deployed under; it is only started.
   */
  | { readonly kind: 'stateMachineArn'; readonly machine: string }
  /**
   * The ARN prefix of another machine's executions (`arn:…:execution:<machine name>`), which the ASL completes
   * with an execution name for `aws-sdk:sfn:describeExecution`; they are only described.
   */
  | { readonly kind: 'executionArnPrefix'; readonly machine: string }
  /** The URL of a queue given to the machine by name (an `sqs:sendMessage` task's `QueueUrl`): only written to. */
  | { readonly kind: 'queueUrl'; readonly queue: string };

/**
 * Step Functions' two workflow types. STANDARD: exactly-once steps, executions up to a year, name
 * de-duplication, billed per state transition. EXPRESS: at-least-once, at most 5 minutes, no name
 * de-duplication, billed per request and duration (for short sagas a fraction of the transition price).
 */
export type StateMachineType = 'STANDARD' | 'EXPRESS';

export interface StateMachineContract {
  /** Name suffix: deployed as `<name prefix>-<name>`, run locally as `<name>`. */
  readonly name: string;
  /** The workflow type it is deployed (and run locally) as. */
  readonly type: StateMachineType;
  /** ASL file, relative to the repository root (JSONPath only: the offline engine ignores JSONata). */
  readonly definitionFile: string;
  /** The EventBridge `source` of the events its `events:putEvents` tasks write. */
  readonly eventSource: string;
  /** Every `${Placeholder}` the ASL uses, and what it stands for. A test checks the file against this list. */
  readonly placeholders: Readonly<Record<string, StateMachinePlaceholder>>;
}
