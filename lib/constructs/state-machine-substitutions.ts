import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { StateMachineContract } from '../../lambdas/contracts/state-machine-contract.js';
import { CatalogReferenceError } from './infra-error.js';
import { putEventsStatement } from './put-events-statement.js';
import { executionArnPrefixFor, functionArnFor, stateMachineArnFor } from './resource-names.js';
import { stateMachineAccessStatements } from './state-machine-access-statements.js';

/** What the placeholders can point at. */
export interface SubstitutionScope {
  /** The function name of a deployed agent type; undefined when no such agent was added. */
  readonly functionName: (agentType: string) => string | undefined;
  /** The physical name of a state machine deployed under `machine` (known before it is added). */
  readonly machineName: (machine: string) => string;
  readonly eventBus: IEventBus;
  /** The queues the machine may write to, by the name its placeholders use. */
  readonly queues: Readonly<Record<string, IQueue>>;
}

/** The `definitionSubstitutions` of a machine and the grants its role needs for them. */
export interface ResolvedSubstitutions {
  readonly values: Record<string, string>;
  readonly policyStatements: PolicyStatement[];
}

/**
 * Resolves every placeholder of a state machine contract (`lambdas/contracts/state-machine-contract.ts`) to its value
 * and derives the role's grants from the same list: a task function gets `lambda:InvokeFunction`, the bus
 * `events:PutEvents` under the machine's own source only, a started machine `states:StartExecution`, a
 * machine whose executions it looks up `states:DescribeExecution` on those executions, a named queue
 * `sqs:SendMessage`. The role reaches what the ASL names and
 * nothing else.
 *
 * @example
 * ```ts
 * const { values, policyStatements } = stateMachineSubstitutions(bridge, contract, scope);
 * ```
 */
export function stateMachineSubstitutions(
  construct: Construct,
  contract: StateMachineContract,
  scope: SubstitutionScope,
): ResolvedSubstitutions {
  const values: Record<string, string> = {};
  const invoked: string[] = [];
  const policyStatements: PolicyStatement[] = [];
  let publishes = false;
  for (const [placeholder, target] of Object.entries(contract.placeholders)) {
    switch (target.kind) {
      case 'functionArn': {
        const name = scope.functionName(target.agentType);
        if (name === undefined)
          throw new CatalogReferenceError(contract.name, `agent type ${target.agentType}`);
        const arn = functionArnFor(construct, name);
        values[placeholder] = arn;
        if (!invoked.includes(arn)) invoked.push(arn);
        break;
      }
      case 'eventBusName':
        values[placeholder] = scope.eventBus.eventBusName;
        publishes = true;
        break;
      case 'stateMachineArn': {
        const name = scope.machineName(target.machine);
        values[placeholder] = stateMachineArnFor(construct, name);
        policyStatements.push(...stateMachineAccessStatements(construct, name, ['start']));
        break;
      }
      case 'executionArnPrefix': {
        const name = scope.machineName(target.machine);
        values[placeholder] = executionArnPrefixFor(construct, name);
        policyStatements.push(...stateMachineAccessStatements(construct, name, ['describe']));
        break;
      }
      case 'queueUrl': {
        const queue = scope.queues[target.queue];
        if (queue === undefined) throw new CatalogReferenceError(contract.name, `queue ${target.queue}`);
        values[placeholder] = queue.queueUrl;
        policyStatements.push(
          new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }),
        );
        break;
      }
    }
  }
  if (invoked.length > 0) {
    policyStatements.push(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: invoked }));
  }
  if (publishes) {
    // Only the machine's own source: the ASL's putEvents tasks write `contract.eventSource` and nothing else.
    policyStatements.push(putEventsStatement(scope.eventBus, [contract.eventSource]));
  }
  return { values, policyStatements };
}
