import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, CfnElement, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { ENV } from '../../lambdas/contracts/env-names.js';
import { fromAgentbridge } from '../../lambdas/contracts/senders.js';
import { agentFunctionTables } from '../../lambdas/contracts/table-access.js';
import { AGENT_STATE_TABLE } from '../../lambdas/contracts/tables/agent-state-table.js';
import { IDEMPOTENCY_TABLE } from '../../lambdas/contracts/tables/idempotency-table.js';
import type { AgentSpec } from '../../lambdas/runtime/agent-spec.js';
import { TypeSubscription } from '../../lambdas/runtime/type-subscription.js';
import { AgentBridge } from '../../lib/constructs/agent-bridge.js';
import type { AgentQueueOptions } from '../../lib/constructs/agent-queue.js';
import { ECHO_ENTRY } from './support/constructs-under-test.js';
import {
  actionsOf,
  environmentOf,
  referencedLogicalId,
  resourcesOfType,
  statementsOfRole,
  targetsOf,
} from './support/template-queries.js';

const LOOKUPS: AgentSpec = {
  agentType: 'lookups',
  subscriptions: [
    new TypeSubscription('LookupRequested', 'lookups', {
      senders: { LookupRequested: fromAgentbridge('agentbridge.intake') },
    }),
  ],
  skipDirectMessageSubscription: true,
  tables: agentFunctionTables('lookups'),
};

const newApp = () =>
  new App({
    outdir: mkdtempSync(join(tmpdir(), 'agent-queue-')),
    context: { 'aws:cdk:bundling-stacks': [] },
  });

function queueFed(queue: AgentQueueOptions, app = newApp()) {
  const stack = new Stack(app, 'Queued');
  const bridge = new AgentBridge(stack, 'Lookups', { namePrefix: 'lookups' });
  for (const table of [IDEMPOTENCY_TABLE, AGENT_STATE_TABLE]) bridge.addTable(table);
  const agent = bridge.addAgent(LOOKUPS, { entry: ECHO_ENTRY, queue });
  return { app, stack, agent, template: () => Template.fromStack(stack) };
}

function logicalIdOf(stack: Stack, construct: IConstruct | undefined): string {
  const child = construct?.node.defaultChild;
  if (!(child instanceof CfnElement))
    throw new Error(`${construct?.node.path} has no CloudFormation resource`);
  return stack.getLogicalId(child);
}

describe('an agent fed by a queue', () => {
  it('routes its subscriptions to the queue, which feeds the function in batches with partial responses', () => {
    const { stack, agent, template } = queueFed({ batchSize: 25, maxBatchingWindow: Duration.seconds(2) });
    const synthesized = template();
    const queueId = logicalIdOf(stack, agent.queue?.queue);
    const rules = Object.values(resourcesOfType(synthesized, 'AWS::Events::Rule'));
    expect(rules).toHaveLength(1);
    const [target] = rules.flatMap(targetsOf);
    expect(referencedLogicalId(target?.Arn)).toBe(queueId);
    expect(referencedLogicalId((target?.DeadLetterConfig as { Arn?: unknown } | undefined)?.Arn)).toBe(
      logicalIdOf(stack, agent.deliveryDeadLetterQueue),
    );
    expect(target?.RetryPolicy).toEqual({ MaximumEventAgeInSeconds: 7200, MaximumRetryAttempts: 8 });
    const [mapping] = Object.values(resourcesOfType(synthesized, 'AWS::Lambda::EventSourceMapping'));
    expect(mapping?.Properties).toMatchObject({
      BatchSize: 25,
      MaximumBatchingWindowInSeconds: 2,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    expect(referencedLogicalId(mapping?.Properties?.EventSourceArn ?? {})).toBe(queueId);
  });

  it('keeps the queue encrypted, TLS-only and redriving to its own dead-letter queue, alarmed', () => {
    const { stack, agent, template } = queueFed({ maxReceiveCount: 5 });
    const synthesized = template();
    const queue = resourcesOfType(synthesized, 'AWS::SQS::Queue')[logicalIdOf(stack, agent.queue?.queue)];
    const dlqId = logicalIdOf(stack, agent.queue?.deadLetterQueue);
    expect(queue?.Properties).toMatchObject({ SqsManagedSseEnabled: true, VisibilityTimeout: 180 });
    const redrive = queue?.Properties?.RedrivePolicy as
      | { maxReceiveCount?: number; deadLetterTargetArn?: unknown }
      | undefined;
    expect(redrive?.maxReceiveCount).toBe(5);
    expect(referencedLogicalId(redrive?.deadLetterTargetArn)).toBe(dlqId);
    const policies = Object.values(resourcesOfType(synthesized, 'AWS::SQS::QueuePolicy')).map((policy) =>
      JSON.stringify(policy.Properties?.PolicyDocument),
    );
    const queuePolicy = policies.find(
      (policy) =>
        policy.includes('events.amazonaws.com') && policy.includes(logicalIdOf(stack, agent.queue?.queue)),
    );
    expect(queuePolicy).toContain('aws:SourceArn');
    expect(policies.some((policy) => policy.includes('"aws:SecureTransport":"false"'))).toBe(true);
    const alarms = Object.values(resourcesOfType(synthesized, 'AWS::CloudWatch::Alarm')).map(
      (alarm) => alarm.Properties?.AlarmDescription,
    );
    expect(alarms).toContain('LookupsQueueDlq: messages waiting in a dead-letter queue');
  });

  it('tells its function where requests that failed for good go, and lets it send them there', () => {
    const { stack, agent, template } = queueFed({ maxReceiveCount: 4 });
    const synthesized = template();
    const fnId = logicalIdOf(stack, agent.agentFunction.function);
    const fn = resourcesOfType(synthesized, 'AWS::Lambda::Function')[fnId];
    if (fn === undefined) throw new Error('the agent function was not synthesized');
    const env = environmentOf(fn);
    const dlqId = logicalIdOf(stack, agent.queue?.deadLetterQueue);
    expect(env[ENV.queueMaxReceiveCount]).toBe('4');
    expect(referencedLogicalId(env[ENV.queueDeadLetterUrl])).toBe(dlqId);
    const roleId = referencedLogicalId(fn?.Properties?.Role) as string;
    const statements = statementsOfRole(synthesized, roleId);
    const onDlq = statements.filter((statement) => JSON.stringify(statement.Resource).includes(dlqId));
    expect(onDlq.flatMap(actionsOf)).toEqual(expect.arrayContaining(['sqs:SendMessage']));
    const onQueue = statements.filter((statement) =>
      JSON.stringify(statement.Resource).includes(logicalIdOf(stack, agent.queue?.queue)),
    );
    expect(onQueue.flatMap(actionsOf)).toEqual(
      expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:DeleteMessage']),
    );
  });

  it.each([
    [{ batchSize: 0 }, 'batchSize'],
    [{ batchSize: 50 }, 'maxBatchingWindow'],
    [{ maxBatchingWindow: Duration.minutes(6) }, 'at most 5 minutes'],
    [{ maxReceiveCount: 0 }, 'maxReceiveCount'],
    [{ visibilityTimeout: Duration.seconds(10) }, 'visibilityTimeout'],
  ])('refuses queue options that cannot work: %o', (options, problem) => {
    expect(() => queueFed(options)).toThrow(problem);
  });

  it('synthesizes with the AwsSolutions pack and no unacknowledged finding', () => {
    const app = newApp();
    queueFed({ batchSize: 10, maxBatchingWindow: Duration.seconds(1) }, app);
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).not.toThrow();
    const report = JSON.parse(readFileSync(join(app.outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { pluginName: string; conclusion: string }[];
    };
    expect(report.pluginReports.find((plugin) => plugin.pluginName === 'AwsSolutions')?.conclusion).toBe(
      'success',
    );
  });
});
