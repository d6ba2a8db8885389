import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { StateMachineAccess } from '../../lambdas/runtime/agent-spec.js';
import { executionArnsFor, stateMachineArnFor } from './resource-names.js';

/**
 * IAM statements for what a principal may do with one state machine, addressed by name (see
 * `resource-names.ts` for why not by reference).
 *
 * @example
 * ```ts
 * stateMachineAccessStatements(stack, 'AgentBridge-order-saga', ['start']);
 * ```
 */
export function stateMachineAccessStatements(
  scope: Construct,
  stateMachineName: string,
  access: readonly StateMachineAccess[],
): PolicyStatement[] {
  const statements: Record<StateMachineAccess, () => PolicyStatement> = {
    start: () =>
      new PolicyStatement({
        actions: ['states:StartExecution'],
        resources: [stateMachineArnFor(scope, stateMachineName)],
      }),
    describe: () =>
      new PolicyStatement({
        actions: ['states:DescribeExecution'],
        resources: [executionArnsFor(scope, stateMachineName)],
      }),
    // IAM offers no resource-level permission for these: the task token is what authorises the call.
    taskResponse: () =>
      new PolicyStatement({
        actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
        resources: ['*'],
      }),
  };
  return access.map((kind) => statements[kind]());
}
