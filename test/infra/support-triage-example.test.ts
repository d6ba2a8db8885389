import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { SupportTriageStack } from '../../examples/support-triage/stack.js';
import {
  actionsOf,
  type CfnResource,
  environmentOf,
  resourcesOf,
  resourcesOfType,
  roleOfFunction,
  statementsOfRole,
  targetsOf,
} from './support/template-queries.js';

interface ValidationReport {
  readonly pluginReports: readonly {
    readonly pluginName: string;
    readonly conclusion: string;
    readonly violations: readonly { readonly ruleName: string }[];
    readonly suppressedViolations?: readonly { readonly ruleName: string; readonly reason?: string }[];
  }[];
}

const ACCOUNT = '111111111111';
/** The example's app as `examples/support-triage/app.ts` builds it: cdk-nag as a validation plugin; bundling skipped. */
const outdir = mkdtempSync(join(tmpdir(), 'support-triage-'));
const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
const stack = new SupportTriageStack(app, 'SupportTriage', {
  env: { account: ACCOUNT, region: 'eu-west-1' },
});
let synthError: unknown;
try {
  app.synth();
} catch (error) {
  synthError = error;
}
const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
const awsSolutions = report.pluginReports.find((plugin) => plugin.pluginName === 'AwsSolutions');
const template = Template.fromStack(stack);

const functionNamed = (name: string): CfnResource => {
  const found = Object.values(resourcesOfType(template, 'AWS::Lambda::Function')).find(
    (fn) => fn.Properties?.FunctionName === name,
  );
  if (found === undefined) throw new Error(`no function ${name}`);
  return found;
};
const tableIdOf = (id: string): string => {
  const [logicalId] = Object.keys(resourcesOfType(template, 'AWS::DynamoDB::Table')).filter((candidate) =>
    candidate.startsWith(`Support${id}Table`),
  );
  if (logicalId === undefined) throw new Error(`no table ${id}`);
  return logicalId;
};
/** The actions a function's role is allowed on one table (by the table's logical id). */
const tableActions = (fn: CfnResource, tableLogicalId: string): string[] =>
  statementsOfRole(template, roleOfFunction(fn))
    .filter((statement) => JSON.stringify(resourcesOf(statement)).includes(`"${tableLogicalId}"`))
    .flatMap(actionsOf)
    .sort();
const allActions = (fn: CfnResource): string[] =>
  statementsOfRole(template, roleOfFunction(fn)).flatMap(actionsOf);

describe('the support-triage example stack', () => {
  it('synthesizes with cdk-nag AwsSolutions and no unacknowledged finding, each acknowledgement with a reason', () => {
    expect(synthError).toBeUndefined();
    expect(awsSolutions?.conclusion).toBe('success');
    expect(awsSolutions?.violations.map((violation) => violation.ruleName)).toEqual([]);
    for (const violation of awsSolutions?.suppressedViolations ?? []) {
      expect((violation.reason ?? '').length, violation.ruleName).toBeGreaterThan(40);
    }
  });

  it('deploys two functions under the prefix and three tables, the tickets table keyed by ticket id', () => {
    const names = Object.values(resourcesOfType(template, 'AWS::Lambda::Function')).map(
      (fn) => fn.Properties?.FunctionName,
    );
    expect(names.sort()).toEqual(['support-assignment', 'support-triage']);
    expect(Object.keys(resourcesOfType(template, 'AWS::DynamoDB::Table'))).toHaveLength(3);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'ticketId', KeyType: 'HASH' }],
    });
  });

  it('subscribes triage through one rule that admits TicketOpened from support.desk only, with a retry policy and a dead-letter queue', () => {
    const all = Object.values(resourcesOfType(template, 'AWS::Events::Rule'));
    // Besides it, triage's direct-message prefix "<type>:"; assignment, reached by send alone, opts out.
    expect(all.map((rule) => rule.Properties?.Description).sort()).toEqual([
      'agentbridge subscription prefix:triage:->triage',
      'agentbridge subscription type:TicketOpened->triage',
    ]);
    const rules = all.filter((rule) =>
      String(rule.Properties?.Description).endsWith('type:TicketOpened->triage'),
    );
    const [rule] = rules;
    const pattern = JSON.stringify(rule?.Properties?.EventPattern);
    expect(pattern).toContain('"detail-type":["TicketOpened"],"source":["support.desk"]');
    const [target, ...others] = targetsOf(rule as CfnResource);
    expect(others).toEqual([]);
    expect(JSON.stringify(target?.Arn)).toContain('SupportTriageAgentFunction');
    expect(target?.RetryPolicy).toMatchObject({ MaximumRetryAttempts: expect.any(Number) });
    expect(JSON.stringify(target?.DeadLetterConfig)).toContain('DeliveryDeadLetterQueue');
  });

  it('grants triage the invoke of the assignment function only, and no access to the tickets table', () => {
    const triage = functionNamed('support-triage');
    const invokes = statementsOfRole(template, roleOfFunction(triage)).filter((statement) =>
      actionsOf(statement).includes('lambda:InvokeFunction'),
    );
    expect(invokes).toHaveLength(1);
    expect(JSON.stringify(invokes[0]?.Resource)).toContain(':function:support-assignment');
    expect(tableActions(triage, tableIdOf('Tickets'))).toEqual([]);
    expect(environmentOf(triage).TICKETS_TABLE_NAME).toBeUndefined();
  });

  it('grants assignment exactly GetItem and PutItem on the tickets table, and nothing to invoke or publish', () => {
    const assignment = functionNamed('support-assignment');
    expect(tableActions(assignment, tableIdOf('Tickets'))).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem']);
    expect(environmentOf(assignment).TICKETS_TABLE_NAME).toEqual({ Ref: tableIdOf('Tickets') });
    const actions = allActions(assignment);
    expect(actions).not.toContain('lambda:InvokeFunction');
    expect(actions).not.toContain('events:PutEvents');
  });

  it('keeps each function to its own partition of the agent-state table', () => {
    for (const agentType of ['triage', 'assignment']) {
      const statements = statementsOfRole(template, roleOfFunction(functionNamed(`support-${agentType}`)));
      const state = statements.filter((statement) =>
        JSON.stringify(statement.Resource).includes(tableIdOf('AgentState')),
      );
      expect(state.map((statement) => statement.Condition)).toEqual([
        { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [agentType] } },
      ]);
    }
  });
});
