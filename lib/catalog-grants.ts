import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { ENV } from '../lambdas/contracts/env-names.js';
import type { StateMachineKey } from '../lambdas/contracts/state-machines.js';
import type { AgentCatalogEntry } from './agent-catalog-entry.js';
import { CatalogReferenceError } from './infra-error.js';
import { functionArnFor, stateMachineArnFor } from './resource-names.js';
import { stateMachineAccessStatements } from './state-machine-access-statements.js';

/** The env var through which a function learns a state machine's ARN. */
const STATE_MACHINE_ENV: Record<StateMachineKey, string> = {
  orderSaga: ENV.sagaStateMachineArn,
  orderLifecycle: ENV.lifecycleStateMachineArn,
};

/** What a catalog entry adds to its function beyond tables and the bus. */
export interface CatalogGrants {
  readonly policyStatements: PolicyStatement[];
  readonly environment: Record<string, string>;
  /** Set when a statement needs `Resource: "*"`; it becomes part of the written cdk-nag acknowledgement. */
  readonly wildcardResourceReason: string | undefined;
}

/**
 * The grants and environment of one catalog entry: `lambda:InvokeFunction` on the functions it sends to,
 * and its state machine access (with the machine's ARN in the environment). Everything is addressed by its
 * physical name, so no function's policy depends on a state machine that invokes that same function.
 *
 * @example
 * ```ts
 * const grants = catalogGrants(stack, entry, functionNames, machineNames);
 * ```
 */
export function catalogGrants(
  scope: Construct,
  entry: AgentCatalogEntry,
  functionNames: Readonly<Record<string, string>>,
  machineNames: ReadonlyMap<StateMachineKey, string>,
): CatalogGrants {
  const policyStatements: PolicyStatement[] = [];
  const environment: Record<string, string> = {};
  if (entry.sendsTo.length > 0) {
    const targets = entry.sendsTo.map((agentType) => {
      const name = functionNames[agentType];
      if (name === undefined) throw new CatalogReferenceError(entry.id, `agent type ${agentType}`);
      return functionArnFor(scope, name);
    });
    policyStatements.push(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: targets }));
  }
  let taskResponse = false;
  for (const [key, name] of machineNames) {
    const access = entry.stateMachines[key];
    if (access === undefined) continue;
    environment[STATE_MACHINE_ENV[key]] = stateMachineArnFor(scope, name);
    policyStatements.push(...stateMachineAccessStatements(scope, name, access));
    taskResponse ||= access.includes('taskResponse');
  }
  const reasons = [
    taskResponse
      ? 'states:SendTaskSuccess/SendTaskFailure/SendTaskHeartbeat have no resource-level permissions (the task ' +
        'token authorises the call), so they too are granted on "*".'
      : undefined,
    entry.eventStoreStream
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
