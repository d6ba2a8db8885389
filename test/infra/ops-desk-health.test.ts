import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { DESK_HEALTH, DESK_HEALTH_AGENT } from '../../examples/ops-desk/health/agents.js';
import { HEALTH_AREA } from '../../examples/ops-desk/health/area.js';
import { OpsDeskStack } from '../../examples/ops-desk/stack.js';
import { cloudWatchAlarmOf } from '../../lambdas/patterns/metrics/cloudwatch-alarm-rule.js';
import { AgentBridge } from '../../lib/constructs/agent-bridge.js';
import { ECHO_ENTRY } from './support/constructs-under-test.js';
import {
  actionsOf,
  referencedLogicalId,
  resourcesOfType,
  statementsOfRole,
  targetsOf,
} from './support/template-queries.js';

const ENV = { account: '111111111111', region: 'eu-west-1' };

/** The desk with its health area only, cdk-nag as a validation plugin, bundling skipped. */
const synthesize = () => {
  const outdir = mkdtempSync(join(tmpdir(), 'ops-desk-health-'));
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new OpsDeskStack(app, 'OpsDesk', { env: ENV, areas: [HEALTH_AREA] });
  app.synth();
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
    pluginReports: { pluginName: string; violations: { ruleName: string }[] }[];
  };
  return { template: Template.fromStack(stack), report };
};

describe('the desk’s health collector, deployed', { timeout: 120_000 }, () => {
  const { template, report } = synthesize();
  const alarms = Object.values(resourcesOfType(template, 'AWS::CloudWatch::Alarm'));
  const ruleAlarms = alarms.filter((alarm) => alarm.Properties?.Namespace === DESK_HEALTH.namespace);

  it('compiles each alert rule to one CloudWatch alarm with exactly the rule’s properties, on the EMF metric', () => {
    const compiled = ruleAlarms.map(
      ({ Properties: { AlarmDescription: _, ...properties } = {} }) => properties,
    );
    expect(compiled).toEqual(DESK_HEALTH.alerts.map((rule) => cloudWatchAlarmOf(DESK_HEALTH, rule)));
    expect(ruleAlarms.map((alarm) => alarm.Properties?.AlarmDescription)).toContain(
      'desk-health: more than 20 incidents waited for a responder in 3 of the last 5 minutes',
    );
  });

  it('invokes the collector every minute from a schedule with a dead-letter queue and no late deliveries', () => {
    const [schedule, ...others] = Object.values(resourcesOfType(template, 'AWS::Events::Rule')).filter(
      (rule) => rule.Properties?.ScheduleExpression !== undefined,
    );
    expect(others).toEqual([]);
    expect(schedule?.Properties?.ScheduleExpression).toBe('rate(1 minute)');
    const [target] = schedule === undefined ? [] : targetsOf(schedule);
    const functions = resourcesOfType(template, 'AWS::Lambda::Function');
    const collector = referencedLogicalId(target?.Arn);
    expect(functions[collector ?? '']?.Properties?.FunctionName).toBe('opsdesk-desk-health');
    expect(target).toMatchObject({
      RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 },
      DeadLetterConfig: { Arn: expect.anything() },
    });
  });

  it('lets the collector scan the incident register and the assignments, and nothing else on tables', () => {
    const functions = resourcesOfType(template, 'AWS::Lambda::Function');
    const [collector] = Object.values(functions).filter(
      (fn) => fn.Properties?.FunctionName === 'opsdesk-desk-health',
    );
    const role = referencedLogicalId(collector?.Properties?.Role);
    const tableActions = statementsOfRole(template, role ?? '')
      .flatMap(actionsOf)
      .filter((action) => action.startsWith('dynamodb:'));
    expect(tableActions).toEqual(['dynamodb:Scan', 'dynamodb:Scan']);
  });

  it('draws one dashboard graph per declared metric, the rules’ thresholds on it', () => {
    const [dashboard] = Object.values(resourcesOfType(template, 'AWS::CloudWatch::Dashboard'));
    const body = JSON.stringify(dashboard?.Properties?.DashboardBody);
    for (const metric of DESK_HEALTH.metrics) {
      expect(body).toContain(`desk-health: ${metric.description} (${metric.name}, ${metric.unit})`);
      expect(body).toContain(
        `[\\"${DESK_HEALTH.namespace}\\",\\"${metric.name}\\",\\"service\\",\\"desk-health\\"`,
      );
    }
    expect(body).toContain('{\\"value\\":20,\\"label\\":\\"IncidentBacklogHigh\\"');
  });

  it('is cdk-nag clean', () => {
    const awsSolutions = report.pluginReports.find((plugin) => plugin.pluginName === 'AwsSolutions');
    expect(awsSolutions?.violations.map((violation) => violation.ruleName) ?? []).toEqual([]);
  });

  it('refuses a collector agent whose type is not the declaration’s collector', () => {
    const stack = new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Other');
    const bridge = new AgentBridge(stack, 'Bridge', { namePrefix: 'other' });
    expect(() =>
      bridge.addMetricsCollector(
        DESK_HEALTH,
        { ...DESK_HEALTH_AGENT, agentType: 'health' },
        { entry: ECHO_ENTRY },
      ),
    ).toThrow('the metrics of desk-health are collected by agent desk-health, not health');
  });
});
