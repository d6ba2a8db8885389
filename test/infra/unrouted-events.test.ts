import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Rule } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { fromAgentbridge } from '../../lambdas/contracts/senders.js';
import { agentFunctionTables } from '../../lambdas/contracts/table-access.js';
import { AGENT_STATE_TABLE } from '../../lambdas/contracts/tables/agent-state-table.js';
import { IDEMPOTENCY_TABLE } from '../../lambdas/contracts/tables/idempotency-table.js';
import type { AgentSpec } from '../../lambdas/runtime/agent-spec.js';
import { decodeRoutedPatterns } from '../../lambdas/runtime/aws/routed-patterns.js';
import type { EventPattern } from '../../lambdas/runtime/event-pattern/event-pattern.js';
import { matchEventPattern } from '../../lambdas/runtime/event-pattern/match-event-pattern.js';
import { TypeSubscription } from '../../lambdas/runtime/type-subscription.js';
import { AgentBridge } from '../../lib/constructs/agent-bridge.js';
import { DeadLetterQueue } from '../../lib/constructs/dead-letter-queue.js';
import { ECHO_ENTRY } from './support/constructs-under-test.js';
import {
  type CfnResource,
  environmentOf,
  resourcesOfType,
  statementsOfRole,
  targetsOf,
} from './support/template-queries.js';

const ACCOUNT = '111111111111';

/** Takes every IncidentResolved, from anyone: its events are the ones the catch-all rule can leave out. */
const ARCHIVE: AgentSpec = {
  agentType: 'archive',
  subscriptions: [new TypeSubscription('IncidentResolved', 'archive')],
  skipDirectMessageSubscription: true,
  tables: agentFunctionTables('archive'),
};
/** Takes IncidentOpened from the intake agent only: a filtered subscription the rule must not leave out. */
const PAGING: AgentSpec = {
  agentType: 'paging',
  subscriptions: [
    new TypeSubscription('IncidentOpened', 'paging', {
      senders: { IncidentOpened: fromAgentbridge('agentbridge.intake') },
    }),
  ],
  skipDirectMessageSubscription: true,
  tables: agentFunctionTables('paging'),
};

const synthesize = (options: { unroutedEvents?: boolean; account?: string; extraRule?: boolean } = {}) => {
  const outdir = mkdtempSync(join(tmpdir(), 'unrouted-'));
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const env = options.account === undefined ? undefined : { account: options.account, region: 'eu-west-1' };
  const stack = new Stack(app, 'Desk', env === undefined ? {} : { env });
  const bridge = new AgentBridge(stack, 'Desk', {
    namePrefix: 'desk',
    unroutedEvents: options.unroutedEvents ?? true,
  });
  for (const table of [IDEMPOTENCY_TABLE, AGENT_STATE_TABLE]) bridge.addTable(table);
  bridge.addAgent(ARCHIVE, { entry: ECHO_ENTRY });
  // Added after the bridge made its unrouted-events rule: still accounted for.
  bridge.addAgent(PAGING, { entry: ECHO_ENTRY });
  if (options.extraRule === true) {
    // A rule added directly on the bus, outside any agent: what it matches is routed too.
    const audit = new DeadLetterQueue(stack, 'AuditQueue');
    new Rule(stack, 'Audit', {
      eventBus: bridge.eventBus,
      eventPattern: { source: ['ops.audit'] },
      targets: [new SqsQueue(audit, { deadLetterQueue: new DeadLetterQueue(stack, 'AuditDlq') })],
    });
  }
  app.synth();
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
    pluginReports: { pluginName: string; violations: { ruleName: string }[] }[];
  };
  return { bridge, template: Template.fromStack(stack), report };
};

const unroutedRule = (template: Template): CfnResource => {
  const [rule] = Object.values(resourcesOfType(template, 'AWS::Events::Rule')).filter((r) =>
    String(r.Properties?.Description).startsWith('agentbridge unrouted events'),
  );
  if (rule === undefined) throw new Error('no unrouted-events rule');
  return rule;
};

const routerFunction = (template: Template): CfnResource => {
  const fn = Object.values(resourcesOfType(template, 'AWS::Lambda::Function')).find(
    (f) => f.Properties?.FunctionName === 'desk-unrouted-events',
  );
  if (fn === undefined) throw new Error('no router function');
  return fn;
};

/** The router's patterns, its deploy-time values put as CloudFormation would for this account. */
const routedPatterns = (template: Template, account = ACCOUNT) => {
  const environment = environmentOf(routerFunction(template));
  const rendered = JSON.stringify(environment.AGENTBRIDGE_ROUTED_PATTERN_VALUES);
  const values = rendered.includes('Fn::Join')
    ? JSON.parse(
        (environment.AGENTBRIDGE_ROUTED_PATTERN_VALUES as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1]
          .map((part) => (typeof part === 'string' ? part : account))
          .join(''),
      )
    : JSON.parse(String(environment.AGENTBRIDGE_ROUTED_PATTERN_VALUES));
  return decodeRoutedPatterns(String(environment.AGENTBRIDGE_ROUTED_PATTERNS), values);
};

const event = (detailType: string, source: string, detail: unknown, account = ACCOUNT) => ({
  version: '0',
  id: 'e-1',
  'detail-type': detailType,
  source,
  account,
  time: '2026-12-02T10:00:00Z',
  region: 'eu-west-1',
  resources: [],
  detail,
});
const enveloped = (topicType: string, data: unknown = {}) => ({ metadata: { id: 'm-1', topicType }, data });

describe('the unrouted-events rule', { timeout: 60_000 }, () => {
  it('is opt-in: a bridge without unroutedEvents has no catch-all rule, router or unrouted queue', () => {
    const { template, bridge } = synthesize({ unroutedEvents: false, account: ACCOUNT });
    expect(bridge.unroutedEvents).toBeUndefined();
    const descriptions = Object.values(resourcesOfType(template, 'AWS::Events::Rule')).map(
      (rule) => rule.Properties?.Description,
    );
    expect(descriptions.some((d) => String(d).includes('unrouted'))).toBe(false);
  });

  it('leaves out only the topics of subscriptions without senders, never a filtered subscription’s', () => {
    const { template } = synthesize({ account: ACCOUNT });
    const pattern = unroutedRule(template).Properties?.EventPattern as EventPattern & { $or: unknown[] };
    expect(JSON.stringify(pattern)).toContain('IncidentResolved');
    expect(JSON.stringify(pattern)).not.toContain('IncidentOpened');
    expect(pattern.$or).toHaveLength(6);
    // An IncidentResolved the archive takes is left out; an IncidentOpened, even the intake's, goes past the router.
    expect(
      matchEventPattern(pattern, event('IncidentResolved', 'anyone', enveloped('IncidentResolved'))),
    ).toBe(false);
    expect(matchEventPattern(pattern, event('IncidentResolved', 'anyone', { incidentId: 'bare' }))).toBe(
      false,
    );
    expect(
      matchEventPattern(pattern, event('IncidentOpened', 'agentbridge.intake', enveloped('IncidentOpened'))),
    ).toBe(true);
    expect(
      matchEventPattern(pattern, event('IncidentOpened', 'someone.else', enveloped('IncidentOpened'))),
    ).toBe(true);
  });

  it('gives the router every other rule’s pattern, agents added later and rules added directly included', () => {
    const { template } = synthesize({ account: ACCOUNT, extraRule: true });
    const patterns = routedPatterns(template);
    const others = Object.values(resourcesOfType(template, 'AWS::Events::Rule'))
      .filter((rule) => rule !== unroutedRule(template))
      .map((rule) => rule.Properties?.EventPattern);
    expect(patterns).toHaveLength(3);
    expect(patterns).toEqual(expect.arrayContaining(others as never[]));
    const routed = (e: Record<string, unknown>) => patterns.some((p) => matchEventPattern(p, e));
    expect(routed(event('IncidentOpened', 'agentbridge.intake', enveloped('IncidentOpened')))).toBe(true);
    expect(routed(event('IncidentOpened', 'someone.else', enveloped('IncidentOpened')))).toBe(false);
    expect(routed(event('Anything', 'ops.audit', {}))).toBe(true);
    expect(routed(event('ServiceDegraded', 'ops.monitoring', { service: 'search' }))).toBe(false);
  });

  it('keeps a deploy-time bus account as a value the router is given apart, so the patterns stay exact', () => {
    const { template } = synthesize();
    const values = environmentOf(routerFunction(template)).AGENTBRIDGE_ROUTED_PATTERN_VALUES;
    expect(JSON.stringify(values)).toContain('AWS::AccountId');
    const patterns = routedPatterns(template, '222222222222');
    const intake = event('IncidentOpened', 'agentbridge.intake', enveloped('IncidentOpened'), '222222222222');
    expect(patterns.some((p) => matchEventPattern(p, intake))).toBe(true);
    expect(patterns.some((p) => matchEventPattern(p, { ...intake, account: ACCOUNT }))).toBe(false);
  });

  it('targets the router with a retry policy and a dead-letter queue, and lets it send to its queues only', () => {
    const { template, bridge } = synthesize({ account: ACCOUNT });
    const [target] = targetsOf(unroutedRule(template));
    expect(target?.RetryPolicy).toEqual({ MaximumEventAgeInSeconds: 7200, MaximumRetryAttempts: 8 });
    expect(target?.DeadLetterConfig).toBeDefined();
    const queueId = Stack.of(bridge).getLogicalId(bridge.unroutedEvents?.queue.node.defaultChild as never);
    const roleId = Object.entries(resourcesOfType(template, 'AWS::IAM::Role')).find(([id]) =>
      id.includes('UnroutedEventsRouter'),
    )?.[0];
    const statements = statementsOfRole(template, roleId ?? '');
    const sqs = statements.filter((s) => JSON.stringify(s.Action).includes('sqs:'));
    const routerDlqId = Stack.of(bridge).getLogicalId(
      bridge.unroutedEvents?.router.deadLetterQueue.node.defaultChild as never,
    );
    // The unrouted queue, and its own dead-letter queue for failed invocations.
    expect(sqs.map((s) => s.Resource)).toEqual(
      expect.arrayContaining([{ 'Fn::GetAtt': [queueId, 'Arn'] }, { 'Fn::GetAtt': [routerDlqId, 'Arn'] }]),
    );
    expect(sqs).toHaveLength(2);
    expect(JSON.stringify(statements)).not.toContain('events:PutEvents');
  });

  it('keeps the unrouted queue encrypted for 14 days, tagged for agentbridge dlq, and alarmed on its depth', () => {
    const { template, bridge } = synthesize({ account: ACCOUNT });
    const queueId = Stack.of(bridge).getLogicalId(bridge.unroutedEvents?.queue.node.defaultChild as never);
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 1_209_600,
      Tags: [{ Key: 'agentbridge:dead-letters-of', Value: 'events no rule on the bus matches' }],
    });
    const alarms = Object.values(resourcesOfType(template, 'AWS::CloudWatch::Alarm'));
    expect(
      alarms.some(
        (alarm) =>
          JSON.stringify(alarm.Properties?.Dimensions ?? alarm.Properties?.Metrics).includes(queueId) &&
          alarm.Properties?.Threshold === 0,
      ),
    ).toBe(true);
  });

  it('synthesizes with no unacknowledged cdk-nag AwsSolutions finding', () => {
    const { report } = synthesize({ account: ACCOUNT, extraRule: true });
    const awsSolutions = report.pluginReports.find((plugin) => plugin.pluginName === 'AwsSolutions');
    expect(awsSolutions?.violations.map((violation) => violation.ruleName) ?? []).toEqual([]);
  });
});
