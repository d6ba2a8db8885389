import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { CfnElement } from 'aws-cdk-lib';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { SfnExecutionStarter } from '../../lambdas/agents/saga-starter/sfn-execution-starter.js';
import { SqsParkedSagaQueue } from '../../lambdas/agents/saga-starter/sqs-parked-saga-queue.js';
import { SAGA_REDRIVE_ACTIONS } from '../../lib/constructs/saga-redrive-operator.js';
import { runSagaRedrive } from '../../scripts/saga-redrive/saga-redrive-command.js';
import { synthAgentbridge } from './support/synth-agentbridge.js';
import {
  actionsOf,
  type CfnStatement,
  referencedLogicalId,
  resourcesOf,
  resourcesOfType,
} from './support/template-queries.js';

const { stack, template, logicalId } = synthAgentbridge();
const operator = stack.sagaRedriveOperator;
const policyId = logicalId(operator?.policy.node.defaultChild as CfnElement);
const roleId = logicalId(operator?.role.node.defaultChild as CfnElement);
const queueId = logicalId(stack.parkedSagaQueue.node.defaultChild as CfnElement);
const sagaId = logicalId(stack.stateMachines.get('orderSaga')?.stateMachine.node.defaultChild as CfnElement);

/** The IAM action an SDK v3 command needs: `ReceiveMessageCommand` of SQS is `sqs:ReceiveMessage`. */
const actionOf = (prefix: string, command: object): string =>
  `${prefix}:${command.constructor.name.replace(/Command$/, '')}`;

/** Every call `npm run saga:redrive` makes redriving one parked saga, as IAM actions. */
async function recordedRedriveActions(): Promise<string[]> {
  const config = { region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } };
  const sqsClient = new SQSClient(config);
  const sfnClient = new SFNClient(config);
  const sqs = mockClient(sqsClient);
  const sfn = mockClient(sfnClient);
  const parked = { orderId: 'o-1', sagaId: 's-1', resumeAt: 'RefundPayment' };
  sqs
    .on(ReceiveMessageCommand)
    .resolvesOnce({ Messages: [{ ReceiptHandle: 'r-1', Body: JSON.stringify(parked) }] })
    .resolves({ Messages: [] });
  sqs.on(DeleteMessageCommand).resolves({});
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:exec', startDate: new Date() });
  const code = await runSagaRedrive(
    ['--queue-url', 'https://sqs.us-east-1.amazonaws.com/1/parked', '--state-machine-arn', 'arn:saga'],
    {},
    (args) => ({
      queue: new SqsParkedSagaQueue({ client: sqsClient, queueUrl: args.queueUrl }),
      starter: new SfnExecutionStarter({ client: sfnClient, stateMachineArn: args.stateMachineArn }),
    }),
    { write: () => true },
  );
  expect(code).toBe(0);
  const actions = [
    ...sqs.calls().map((call) => actionOf('sqs', call.args[0])),
    ...sfn.calls().map((call) => actionOf('states', call.args[0])),
  ];
  sqs.restore();
  sfn.restore();
  return [...new Set(actions)].sort();
}

const statements = (): CfnStatement[] => {
  const policy = resourcesOfType(template, 'AWS::IAM::ManagedPolicy')[policyId];
  const document = policy?.Properties?.PolicyDocument as { Statement: CfnStatement[] } | undefined;
  if (document === undefined) throw new Error('no saga redrive operator policy in the template');
  return document.Statement;
};

describe('the saga redrive operator', () => {
  it('may receive and delete on the parked-saga queue and start the order saga, and nothing else', () => {
    expect(
      statements().map((statement) => ({
        effect: statement.Effect,
        actions: actionsOf(statement),
        resources: resourcesOf(statement).map(referencedLogicalId),
        condition: statement.Condition,
      })),
    ).toEqual([
      {
        effect: 'Allow',
        actions: [...SAGA_REDRIVE_ACTIONS.parkedSagaQueue],
        resources: [queueId],
        condition: undefined,
      },
      {
        effect: 'Allow',
        actions: [...SAGA_REDRIVE_ACTIONS.sagaStateMachine],
        resources: [sagaId],
        condition: undefined,
      },
    ]);
  });

  it('grants exactly the calls the redrive command makes (recorded on its real adapters)', async () => {
    const granted = statements().flatMap(actionsOf).sort();
    expect(await recordedRedriveActions()).toEqual(granted);
  });

  it('is a role of this account only, carrying that policy alone, for one-hour sessions', () => {
    const role = resourcesOfType(template, 'AWS::IAM::Role')[roleId]?.Properties ?? {};
    const trust = role.AssumeRolePolicyDocument as { Statement: CfnStatement[] };
    expect(trust.Statement).toHaveLength(1);
    expect(JSON.stringify(trust.Statement[0])).toContain('"Ref":"AWS::AccountId"');
    expect((role.ManagedPolicyArns as unknown[]).map(referencedLogicalId)).toEqual([policyId]);
    expect(role.Policies).toBeUndefined();
    expect(role.MaxSessionDuration).toBe(3_600);
    const attached = Object.values(resourcesOfType(template, 'AWS::IAM::Policy')).filter((policy) =>
      JSON.stringify(policy.Properties?.Roles ?? []).includes(roleId),
    );
    expect(attached).toEqual([]);
  });

  it('names the role and the policy in the stack outputs', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(referencedLogicalId(outputs.SagaRedriveOperatorRoleArn?.Value)).toBe(roleId);
    expect(referencedLogicalId(outputs.SagaRedriveOperatorPolicyArn?.Value)).toBe(policyId);
  });
});
