import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import type { OpsDeskArea } from '../../examples/ops-desk/area.js';
import { OpsDeskStack } from '../../examples/ops-desk/stack.js';
import { resourcesOfType } from './support/template-queries.js';

interface ValidationReport {
  readonly pluginReports: readonly {
    readonly pluginName: string;
    readonly conclusion: string;
    readonly violations: readonly { readonly ruleName: string }[];
    readonly suppressedViolations?: readonly { readonly ruleName: string; readonly reason?: string }[];
  }[];
}

const ENV = { account: '111111111111', region: 'eu-west-1' };

/** The desk as `examples/ops-desk/app.ts` builds it (cdk-nag as a validation plugin), bundling skipped. */
const synthesize = (context: Record<string, unknown> = {}) => {
  const outdir = mkdtempSync(join(tmpdir(), 'ops-desk-'));
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [], ...context } });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new OpsDeskStack(app, 'OpsDesk', { env: ENV });
  app.synth();
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
  return { stack, template: Template.fromStack(stack), report };
};

const area = (name: string, overrides: Partial<OpsDeskArea> = {}): OpsDeskArea => ({
  name,
  deploy: () => undefined,
  ...overrides,
});

describe('the operations desk example stack', { timeout: 120_000 }, () => {
  for (const model of ['bedrock', 'scripted']) {
    it(`synthesizes with cdk-nag AwsSolutions and no unacknowledged finding (model ${model}), each acknowledgement with a reason`, () => {
      const { report } = synthesize({ 'opsdesk:model': model });
      const awsSolutions = report.pluginReports.find((plugin) => plugin.pluginName === 'AwsSolutions');
      expect(awsSolutions?.violations.map((violation) => violation.ruleName) ?? []).toEqual([]);
      for (const violation of awsSolutions?.suppressedViolations ?? []) {
        expect((violation.reason ?? '').length, violation.ruleName).toBeGreaterThan(40);
      }
    });
  }

  it('names its bus, so outside services publish onto it, and says so in an output', () => {
    const { template } = synthesize();
    template.hasResourceProperties('AWS::Events::EventBus', { Name: 'opsdesk' });
    expect(Object.keys(template.findOutputs('EventBusName'))).toEqual(['EventBusName']);
  });

  it('creates a table two areas declare once, besides the idempotency and agent-state tables', () => {
    const shared = {
      id: 'Shared',
      envVar: 'SHARED_TABLE_NAME',
      localName: 'shared',
      partitionKey: { name: 'pk', type: 'S' as const },
    };
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new OpsDeskStack(app, 'OpsDesk', {
      env: ENV,
      areas: [area('one', { tables: [shared] }), area('two', { tables: [shared] })],
    });
    expect(Object.keys(resourcesOfType(Template.fromStack(stack), 'AWS::DynamoDB::Table'))).toHaveLength(3);
  });

  it('refuses two areas that claim one detail-type from different sources, naming both', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    expect(
      () =>
        new OpsDeskStack(app, 'OpsDesk', {
          env: ENV,
          areas: [
            area('intake', { producerSources: { IncidentReported: 'ops.monitoring' } }),
            area('routing', { producerSources: { IncidentReported: 'ops.pager' } }),
          ],
        }),
    ).toThrow('routing publishes IncidentReported from ops.pager, already claimed by ops.monitoring');
  });

  it('refuses an assistant model it does not know at synth', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [], 'opsdesk:model': 'gpt' } });
    expect(() => new OpsDeskStack(app, 'OpsDesk', { env: ENV, areas: [] })).toThrow(
      'opsdesk:model is bedrock or scripted, not gpt',
    );
  });

  it('hands each area the settings of its context', () => {
    const seen: unknown[] = [];
    const app = new App({
      context: { 'aws:cdk:bundling-stacks': [], 'opsdesk:model': 'scripted', 'opsdesk:modelId': 'm-1' },
    });
    new OpsDeskStack(app, 'OpsDesk', {
      env: ENV,
      areas: [area('a', { deploy: (_, settings) => seen.push(settings) })],
    });
    expect(seen).toEqual([{ model: 'scripted', modelId: 'm-1' }]);
  });
});
