import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { StateMachineContract, StateMachineKey } from '../lambdas/contracts/state-machines.js';
import { putEventsStatement } from './constructs/put-events-statement.js';
import { CatalogReferenceError } from './infra-error.js';
import { executionArnPrefixFor, functionArnFor, stateMachineArnFor } from './resource-names.js';
import { stateMachineAccessStatements } from './state-machine-access-statements.js';

/** What the placeholders can point at. */
export interface SubstitutionScope {
  readonly functionNames: Readonly<Record<string, string>>;
  readonly machineNames: ReadonlyMap<StateMachineKey, string>;
  readonly eventBus: IEventBus;
  /** Where a saga parks when a compensation or publication keeps failing. */
  readonly parkedSagaQueue: IQueue;
}

/** The `definitionSubstitutions` of a machine and the grants its role needs for them. */
export interface ResolvedSubstitutions {
  readonly values: Record<string, string>;
  readonly policyStatements: PolicyStatement[];
}

/**
 * Resolves every placeholder of a state machine contract (`lambdas/contracts/state-machines.ts`) to its value
 * and derives the role's grants from the same list: a task function gets `lambda:InvokeFunction`, the bus
 * `events:PutEvents` under the machine's own source only, a started machine `states:StartExecution`, a
 * machine whose executions it looks up `states:DescribeExecution` on those executions, the parked-saga queue `sqs:SendMessage`. The role reaches what the ASL names and
 * nothing else.
 *
 * @example
 * ```ts
 * const { values, policyStatements } = stateMachineSubstitutions(stack, STATE_MACHINES.orderSaga, scope);
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
        const name = scope.functionNames[target.agentType];
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
        const name = scope.machineNames.get(target.machine);
        if (name === undefined)
          throw new CatalogReferenceError(contract.name, `state machine ${target.machine}`);
        values[placeholder] = stateMachineArnFor(construct, name);
        policyStatements.push(...stateMachineAccessStatements(construct, name, ['start']));
        break;
      }
      case 'executionArnPrefix': {
        const name = scope.machineNames.get(target.machine);
        if (name === undefined)
          throw new CatalogReferenceError(contract.name, `state machine ${target.machine}`);
        values[placeholder] = executionArnPrefixFor(construct, name);
        policyStatements.push(...stateMachineAccessStatements(construct, name, ['describe']));
        break;
      }
      case 'parkedSagaQueueUrl':
        values[placeholder] = scope.parkedSagaQueue.queueUrl;
        policyStatements.push(
          new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [scope.parkedSagaQueue.queueArn] }),
        );
        break;
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
