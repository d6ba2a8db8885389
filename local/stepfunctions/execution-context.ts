import type { RunOptions } from 'aws-local-stepfunctions';
import type { Clock } from '../../lambdas/contracts/clock.js';

/**
 * What `$$.Task.Token` reads offline. The engine has one context per run, so it cannot hold a token per
 * callback; the callback handler replaces this marker in the task's input with the token it issued.
 */
export const TASK_TOKEN_MARKER = '@@agentbridge-local-task-token@@';

export interface ExecutionIdentity {
  readonly executionArn: string;
  readonly name: string;
  readonly stateMachineArn: string;
  readonly stateMachineName: string;
  readonly roleArn: string;
}

/**
 * The context object (`$$`) of one local execution. The engine builds `$$.Execution.Input/StartTime`
 * itself and copies the rest once per run, so per-state values are getters: `$$.State.EnteredTime` reads
 * the clock when a state evaluates its Parameters, i.e. when it is entered.
 *
 * @example
 * ```ts
 * stateMachine.run(input, { context: executionContext(identity, () => new Date()) });
 * ```
 */
export function executionContext(
  identity: ExecutionIdentity,
  clock: Clock,
): NonNullable<RunOptions['context']> {
  return {
    Execution: {
      Id: identity.executionArn,
      Name: identity.name,
      RoleArn: identity.roleArn,
      RedriveCount: 0,
    },
    StateMachine: { Id: identity.stateMachineArn, Name: identity.stateMachineName },
    State: {
      get EnteredTime(): string {
        return new Date(clock.now()).toISOString();
      },
      RetryCount: 0,
    },
    Task: { Token: TASK_TOKEN_MARKER },
  };
}

/** A copy of `value` with every string equal to the marker replaced by `token`. */
export function withTaskToken(value: unknown, token: string): unknown {
  if (value === TASK_TOKEN_MARKER) return token;
  if (Array.isArray(value)) return value.map((item) => withTaskToken(item, token));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withTaskToken(item, token)]));
  }
  return value;
}
