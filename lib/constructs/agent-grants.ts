import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { AgentSpec } from '../../lambdas/runtime/agent-spec.js';
import { functionArnFor, stateMachineArnFor } from './resource-names.js';
import { stateMachineAccessStatements } from './state-machine-access-statements.js';

/** What a spec adds to its function beyond tables and the bus. */
export interface AgentGrants {
  readonly policyStatements: PolicyStatement[];
  readonly environment: Record<string, string>;
  /** Set when a statement needs `Resource: "*"`; it becomes part of the written cdk-nag acknowledgement. */
  readonly wildcardResourceReason: string | undefined;
}

/** How physical names are derived (see `resource-names.ts`). */
export interface AgentGrantNames {
  readonly functionName: (agentType: string) => string;
  readonly machineName: (machine: string) => string;
}

/**
 * The grants and environment of one agent spec: `lambda:InvokeFunction` on the functions it sends to, and its
 * state machine access (with the machine's ARN in the environment). Everything is addressed by its physical
 * name, so no function's policy depends on a state machine that invokes that same function.
 *
 * @example
 * ```ts
 * const grants = agentGrants(bridge, spec, { functionName, machineName }, false);
 * ```
 */
export function agentGrants(
  scope: Construct,
  spec: AgentSpec,
  names: AgentGrantNames,
  consumesStream: boolean,
): AgentGrants {
  const policyStatements: PolicyStatement[] = [];
  const environment: Record<string, string> = {};
  const sendsTo = spec.sendsTo ?? [];
  if (sendsTo.length > 0) {
    const targets = sendsTo.map((agentType) => functionArnFor(scope, names.functionName(agentType)));
    policyStatements.push(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: targets }));
  }
  let taskResponse = false;
  for (const use of spec.stateMachines ?? []) {
    const name = names.machineName(use.machine);
    environment[use.arnEnvVar] = stateMachineArnFor(scope, name);
    policyStatements.push(...stateMachineAccessStatements(scope, name, use.access));
    taskResponse ||= use.access.includes('taskResponse');
  }
  const reasons = [
    taskResponse
      ? 'states:SendTaskSuccess/SendTaskFailure/SendTaskHeartbeat have no resource-level permissions (the task ' +
        'token authorises the call), so they too are granted on "*".'
      : undefined,
    consumesStream
      ? 'dynamodb:ListStreams has no resource-level permission either (the Lambda event source mapping needs ' +
        'it); the stream reads themselves (DescribeStream, GetRecords, GetShardIterator) name the stream ARN.'
      : undefined,
  ].filter((reason) => reason !== undefined);
  return {
    policyStatements,
    environment,
    wildcardResourceReason: reasons.length > 0 ? reasons.join(' ') : undefined,
  };
}
