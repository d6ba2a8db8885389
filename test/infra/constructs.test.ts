import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import type { TableDefinition } from '../../lambdas/contracts/table-definition.js';
import { subscriptionEventPattern } from '../../lambdas/runtime/subscription-event-pattern.js';
import { TypePrefixSubscription } from '../../lambdas/runtime/type-prefix-subscription.js';
import { AgentFunction } from '../../lib/constructs/agent-function.js';
import { AgentMonitoring } from '../../lib/constructs/agent-monitoring.js';
import { AgentStateMachine } from '../../lib/constructs/agent-state-machine.js';
import { AgentSubscription } from '../../lib/constructs/agent-subscription.js';
import { AgentTable } from '../../lib/constructs/agent-table.js';
import { DeadLetterQueue } from '../../lib/constructs/dead-letter-queue.js';
import { ProducerBusPolicy } from '../../lib/constructs/producer-bus-policy.js';
import { TableStreamConsumer } from '../../lib/constructs/table-stream-consumer.js';
import { isInfraError, UnresolvedSubstitutionError } from '../../lib/infra-error.js';
import { projectPath } from '../../lib/project-paths.js';
import {
  actionsOf,
  environmentOf,
  renderedDefinition,
  resourcesOf,
  resourcesOfType,
  roleOfFunction,
  statementsOfRole,
} from './support/template-queries.js';

const ECHO_ENTRY = projectPath('test/fixtures/infra/echo-handler.ts');
const ECHO_ASL = projectPath('test/fixtures/infra/echo.asl.json');
const WIDGETS: TableDefinition = {
  id: 'Widgets',
  envVar: 'WIDGETS_TABLE_NAME',
  localName: 'widgets',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'N' },
  timeToLiveAttribute: 'expiresAt',
  stream: 'NEW_IMAGE',
  globalSecondaryIndexes: [
    { indexName: 'byOwner', partitionKey: { name: 'owner', type: 'S' }, projection: 'KEYS_ONLY' },
  ],
};

const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
const stack = new Stack(app, 'ConstructsUnderTest');
const bus = new EventBus(stack, 'Bus');
const widgets = new AgentTable(stack, 'Widgets', { definition: WIDGETS });
const echo = new AgentFunction(stack, 'Echo', {
  entry: ECHO_ENTRY,
  agentType: 'echo',
  functionName: 'ConstructsUnderTest-echo',
  eventBus: bus,
  agentFunctions: { echo: 'ConstructsUnderTest-echo' },
  tables: [
    {
      table: widgets.table,
      access: { table: WIDGETS, actions: ['dynamodb:Query', 'dynamodb:PutItem'], leadingKeys: ['echo'] },
    },
  ],
});
const deliveryDlq = new DeadLetterQueue(stack, 'DeliveryDlq');
const subscription = new TypePrefixSubscription('widget.', 'echo');
new AgentSubscription(stack, 'EchoOnWidgets', {
  eventBus: bus,
  subscription,
  target: echo.function,
  deadLetterQueue: deliveryDlq,
});
const machine = new AgentStateMachine(stack, 'EchoMachine', {
  definitionFile: ECHO_ASL,
  stateMachineName: 'ConstructsUnderTest-echo',
  definitionSubstitutions: { EchoFunctionArn: echo.function.functionArn, EventBusName: bus.eventBusName },
  policyStatements: [
    new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [echo.function.functionArn] }),
  ],
});
new ProducerBusPolicy(stack, 'Producers', {
  eventBus: bus,
  producerAccounts: ['111111111111', '222222222222'],
});
new TableStreamConsumer(stack, 'WidgetStream', {
  table: widgets.table,
  consumer: echo.function,
  deadLetterQueue: deliveryDlq,
  filterPattern: { eventName: ['INSERT'] },
});
const monitoring = new AgentMonitoring(stack, 'Monitoring', {});
monitoring.watchFunction('Echo', echo.function);
monitoring.watchQueue('EchoDlq', echo.deadLetterQueue);
monitoring.watchStateMachine('EchoMachine', machine.stateMachine);
monitoring.watchStreamConsumer('WidgetStream', echo.function);
monitoring.addSummary();
const template = Template.fromStack(stack);

const onlyFunction = () => {
  const [fn] = Object.values(resourcesOfType(template, 'AWS::Lambda::Function'));
  if (fn === undefined) throw new Error('no function synthesized');
  return fn;
};

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

  it('sets the runtime environment: bus, source, agent type, function map, tables, dead-letter queue, source maps', () => {
    const variables = environmentOf(onlyFunction());
    expect(variables).toMatchObject({
      NODE_OPTIONS: '--enable-source-maps',
      AGENTBRIDGE_EVENT_SOURCE: 'agentbridge.echo',
      AGENTBRIDGE_AGENT_TYPE: 'echo',
      AGENTBRIDGE_AGENT_FUNCTIONS: JSON.stringify({ echo: 'ConstructsUnderTest-echo' }),
      AGENTBRIDGE_EVENT_BUS_NAME: stack.resolve(bus.eventBusName),
      AGENTBRIDGE_DEAD_LETTER_QUEUE_URL: stack.resolve(echo.deadLetterQueue.queueUrl),
      WIDGETS_TABLE_NAME: stack.resolve(widgets.table.tableName),
    });
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

describe('AgentStateMachine', () => {
  it('resolves every placeholder of the ASL through definitionSubstitutions', () => {
    const [resource] = Object.values(resourcesOfType(template, 'AWS::StepFunctions::StateMachine'));
    if (resource === undefined) throw new Error('no state machine synthesized');
    const rendered = renderedDefinition(resource);
    expect(rendered).not.toContain('${');
    expect(rendered).toContain('<EchoFunctionArn>');
  });

  it('logs every event with execution data and traces with X-Ray', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: true }),
      TracingConfiguration: { Enabled: true },
    });
  });

  it('refuses an ASL placeholder without a value', () => {
    const build = () =>
      new AgentStateMachine(new Stack(new App(), 'Broken'), 'Broken', {
        definitionFile: ECHO_ASL,
        stateMachineName: 'Broken-echo',
        definitionSubstitutions: { EchoFunctionArn: 'arn:aws:lambda:eu-west-1:111111111111:function:echo' },
        policyStatements: [],
      });
    expect(build).toThrow(UnresolvedSubstitutionError);
    try {
      build();
    } catch (error) {
      expect(isInfraError(error) && error.code).toBe('UNRESOLVED_SUBSTITUTION');
      expect(error).toMatchObject({ placeholders: ['EventBusName'] });
    }
  });
});

describe('TableStreamConsumer', () => {
  it('reads the stream with partial batch responses, bisection, bounded retries and an on-failure queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DeliveryDlq'), 'Arn'] } },
      },
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'] }) }] },
    });
  });
});

describe('ProducerBusPolicy', () => {
  it('lets each producer account put events, but not under an agentbridge source', () => {
    template.hasResourceProperties('AWS::Events::EventBusPolicy', {
      Statement: {
        Effect: 'Allow',
        Action: 'events:PutEvents',
        Principal: {
          AWS: [
            { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::111111111111:root']] },
            { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::222222222222:root']] },
          ],
        },
        Condition: { StringNotLike: { 'events:source': ['agentbridge.*'] } },
      },
    });
  });
});

describe('AgentMonitoring', () => {
  it('alarms on the first DLQ message, function error or throttle, failed or timed-out execution', () => {
    const alarms = Object.values(resourcesOfType(template, 'AWS::CloudWatch::Alarm')).map(
      (alarm) => alarm.Properties,
    );
    const byMetric = (name: string) => alarms.filter((alarm) => alarm?.MetricName === name);
    for (const metric of [
      'Errors',
      'Throttles',
      'ApproximateNumberOfMessagesVisible',
      'ExecutionsFailed',
      'ExecutionsTimedOut',
    ]) {
      expect(byMetric(metric), metric).toHaveLength(1);
      expect(byMetric(metric)[0]).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    }
    expect(byMetric('IteratorAge')[0]).toMatchObject({ Threshold: 60_000 });
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});
