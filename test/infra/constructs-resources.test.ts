import { Match } from 'aws-cdk-lib/assertions';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { subscriptionEventPattern } from '../../lambdas/runtime/subscription-event-pattern.js';
import {
  bus,
  echo,
  onlyFunction,
  stack,
  subscription,
  template,
  widgets,
} from './support/constructs-under-test.js';
import {
  actionsOf,
  environmentOf,
  resourcesOf,
  roleOfFunction,
  statementsOfRole,
} from './support/template-queries.js';

describe('AgentTable', () => {
  it('declares keys, TTL, stream and indexes from the table contract, on demand, recoverable and encrypted', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byOwner',
          KeySchema: [{ AttributeName: 'owner', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ],
    });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' });
  });
});

describe('AgentFunction', () => {
  it('runs on Node.js 22 on arm64, traced', () => {
    expect(onlyFunction().Properties).toMatchObject({
      Runtime: Runtime.NODEJS_22_X.name,
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      Handler: 'index.handler',
      FunctionName: 'ConstructsUnderTest-echo',
    });
  });

  it('sets the runtime environment: bus, source, agent type, function map, tables, dead-letter queue', () => {
    const variables = environmentOf(onlyFunction());
    expect(variables).toMatchObject({
      AGENTBRIDGE_EVENT_SOURCE: 'agentbridge.echo',
      AGENTBRIDGE_AGENT_TYPE: 'echo',
      AGENTBRIDGE_AGENT_FUNCTIONS: JSON.stringify({ echo: 'ConstructsUnderTest-echo' }),
      AGENTBRIDGE_EVENT_BUS_NAME: stack.resolve(bus.eventBusName),
      AGENTBRIDGE_DEAD_LETTER_QUEUE_URL: stack.resolve(echo.deadLetterQueue.queueUrl),
      WIDGETS_TABLE_NAME: stack.resolve(widgets.table.tableName),
    });
  });

  it('does not load source maps at cold start (no --enable-source-maps in NODE_OPTIONS)', () => {
    expect(String(environmentOf(onlyFunction()).NODE_OPTIONS ?? '')).not.toContain('--enable-source-maps');
  });

  it('writes to its own log group with a retention, under a role without managed policies', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      RetentionInDays: 30,
      LogGroupName: Match.absent(),
    });
    const role = template.toJSON().Resources[roleOfFunction(onlyFunction())];
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('sends failed asynchronous invocations to its dead-letter queue after two retries', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EchoDeadLetterQueue'), 'Arn'] } },
      },
    });
  });

  it('grants exactly the table actions it was given, on the table and its named index, for its own partitions', () => {
    const statements = statementsOfRole(template, roleOfFunction(onlyFunction()));
    const tableStatements = statements.filter((statement) =>
      actionsOf(statement).some((a) => a.startsWith('dynamodb:')),
    );
    const itemStatement = tableStatements.find((statement) => statement.Condition !== undefined);
    expect(itemStatement?.Condition).toEqual({
      'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['echo'] },
    });
    expect(actionsOf(itemStatement ?? { Effect: '', Action: [], Resource: [] }).sort()).toEqual([
      'dynamodb:PutItem',
      'dynamodb:Query',
    ]);
    const rendered = JSON.stringify(resourcesOf(itemStatement ?? { Effect: '', Action: [], Resource: [] }));
    expect(rendered).toContain('/index/byOwner');
    expect(rendered).not.toContain('/index/*');
  });
});

describe('AgentSubscription', () => {
  it('deploys the compiled subscription pattern verbatim', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: subscriptionEventPattern(subscription),
    });
  });

  it('gives the Lambda target a dead-letter queue and a retry policy', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      Targets: [
        Match.objectLike({
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DeliveryDlq'), 'Arn'] } },
          RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 7200 },
        }),
      ],
    });
  });
});

describe('DeadLetterQueue', () => {
  it('is encrypted, keeps messages 14 days and refuses plain-text transport', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 1_209_600,
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});
