import { App, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { AgentStateMachine } from '../../lib/constructs/agent-state-machine.js';
import { InfraError, UnresolvedSubstitutionError } from '../../lib/constructs/infra-error.js';
import { ECHO_ASL, template } from './support/constructs-under-test.js';
import { renderedDefinition, resourcesOfType } from './support/template-queries.js';

describe('AgentStateMachine', () => {
  it('resolves every placeholder of the ASL through definitionSubstitutions', () => {
    const [resource] = Object.values(resourcesOfType(template, 'AWS::StepFunctions::StateMachine'));
    if (resource === undefined) throw new Error('no state machine synthesized');
    const rendered = renderedDefinition(resource);
    expect(rendered).not.toContain('${');
    expect(rendered).toContain('<EchoFunctionArn>');
  });

  it('is a Standard workflow unless told otherwise, logs ERROR events without execution data, traces with X-Ray', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      LoggingConfiguration: Match.objectLike({ Level: 'ERROR', IncludeExecutionData: false }),
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
      expect(error instanceof InfraError && error.code).toBe('UNRESOLVED_SUBSTITUTION');
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
  const accountRoot = (account: string) => ({
    'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${account}:root`]],
  });

  it('admits each producer account only for its detail-types and under its sources', () => {
    const statements = Object.values(resourcesOfType(template, 'AWS::Events::EventBusPolicy')).map(
      (policy) => policy.Properties?.Statement,
    );
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Effect: 'Allow',
          Action: 'events:PutEvents',
          Principal: { AWS: [accountRoot('111111111111'), accountRoot('222222222222')] },
          Condition: {
            StringEquals: { 'events:detail-type': ['WidgetOrdered'], 'events:source': ['shop.widgets'] },
          },
        }),
        expect.objectContaining({
          Effect: 'Allow',
          Action: 'events:PutEvents',
          Principal: { AWS: accountRoot('222222222222') },
          Condition: {
            StringEquals: {
              'events:detail-type': ['WidgetPaid', 'WidgetShipped'],
              'events:source': ['payments.widgets'],
            },
          },
        }),
      ]),
    );
    // A same-account producer (WidgetLocal) needs no bus policy.
    expect(statements).toHaveLength(2);
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
