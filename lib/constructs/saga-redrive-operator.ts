import { Duration, Stack } from 'aws-cdk-lib';
import { AccountPrincipal, type IPrincipal, ManagedPolicy, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

/**
 * The IAM actions `npm run saga:redrive` needs, one per AWS call its adapters make: it receives and deletes
 * parked sagas' messages, and starts the saga again. The parked-saga queue is SQS-managed encrypted, so no
 * KMS action is needed.
 */
export const SAGA_REDRIVE_ACTIONS = {
  parkedSagaQueue: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'],
  sagaStateMachine: ['states:StartExecution'],
} as const;

export interface SagaRedriveOperatorProps {
  /** The queue the saga parks on (its messages are read and deleted). */
  readonly parkedSagaQueue: IQueue;
  /** The saga state machine the redrive starts again. */
  readonly sagaStateMachine: IStateMachine;
  /**
   * Who may assume the operator role. Default: principals of this account whose own IAM policy allows
   * `sts:AssumeRole` on it (the account trusts itself; nobody gets in without being granted that).
   */
  readonly assumedBy?: IPrincipal;
}

/**
 * What an operator needs to run `npm run saga:redrive`, and nothing more: a customer-managed policy with
 * {@link SAGA_REDRIVE_ACTIONS} on the parked-saga queue and the saga state machine only, and a role carrying
 * it (one-hour sessions). Attach the policy to an existing operator group, or assume the role.
 *
 * @example
 * ```ts
 * const operator = new SagaRedriveOperator(stack, 'SagaRedriveOperator', { parkedSagaQueue, sagaStateMachine });
 * operator.policy.attachToGroup(oncallGroup);
 * ```
 */
export class SagaRedriveOperator extends Construct {
  readonly policy: ManagedPolicy;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: SagaRedriveOperatorProps) {
    super(scope, id);
    this.policy = new ManagedPolicy(this, 'Policy', {
      description: 'Run npm run saga:redrive: read and delete parked sagas, start the order saga again',
      statements: [
        new PolicyStatement({
          actions: [...SAGA_REDRIVE_ACTIONS.parkedSagaQueue],
          resources: [props.parkedSagaQueue.queueArn],
        }),
        new PolicyStatement({
          actions: [...SAGA_REDRIVE_ACTIONS.sagaStateMachine],
          resources: [props.sagaStateMachine.stateMachineArn],
        }),
      ],
    });
    this.role = new Role(this, 'Role', {
      assumedBy: props.assumedBy ?? new AccountPrincipal(Stack.of(this).account),
      description: 'Operators who redrive parked order sagas (npm run saga:redrive)',
      managedPolicies: [this.policy],
      maxSessionDuration: Duration.hours(1),
    });
  }
}
