import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { AgentbridgeStack } from '../../lib/agentbridge-stack.js';
import { TEST_PRODUCER_ACCOUNT } from './support/synth-agentbridge.js';

interface NagViolation {
  readonly ruleName: string;
  readonly reason?: string;
  readonly violatingConstructs: readonly { readonly constructPath: string }[];
}
interface ValidationReport {
  readonly pluginReports: readonly {
    readonly pluginName: string;
    readonly conclusion: string;
    readonly violations: readonly NagViolation[];
    readonly suppressedViolations?: readonly NagViolation[];
  }[];
}

/** The app exactly as bin/app.ts builds it (plus the tests' producer account), bundling skipped. */
const outdir = mkdtempSync(join(tmpdir(), 'agentbridge-nag-'));
const app = new App({
  outdir,
  context: { 'aws:cdk:bundling-stacks': [], producerAccounts: [TEST_PRODUCER_ACCOUNT] },
});
new AgentbridgeStack(app, 'AgentBridge');
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
let synthError: unknown;
try {
  app.synth();
} catch (error) {
  synthError = error;
}
const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
const awsSolutions = report.pluginReports.find((plugin) => plugin.pluginName === 'AwsSolutions');

describe('cdk-nag AwsSolutions', () => {
  it('synthesizes with the AwsSolutions pack and reports no unacknowledged finding', () => {
    expect(synthError).toBeUndefined();
    expect(awsSolutions?.conclusion).toBe('success');
    expect(awsSolutions?.violations.map((violation) => violation.ruleName)).toEqual([]);
  });

  it('carries a written reason on every acknowledgement', () => {
    const suppressed = awsSolutions?.suppressedViolations ?? [];
    expect(suppressed.length).toBeGreaterThan(0);
    for (const violation of suppressed)
      expect((violation.reason ?? '').length, violation.ruleName).toBeGreaterThan(40);
  });

  it('acknowledges only DLQs without their own DLQ, the pinned Node.js 22 runtime, IAM actions that have no resource-level permission, the saga looking up its lifecycle by name, and ERROR-level state machine logs', () => {
    const acknowledged = new Set(
      (awsSolutions?.suppressedViolations ?? []).map((violation) => violation.ruleName),
    );
    const lifecycleExecutions =
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:AgentBridge-order-lifecycle:*]';
    expect([...acknowledged].sort()).toEqual([
      'AwsSolutions-IAM5[Resource::*]',
      lifecycleExecutions,
      'AwsSolutions-L1',
      'AwsSolutions-SF1',
      'AwsSolutions-SQS3',
    ]);
    const expectedPath: Record<string, RegExp> = {
      'AwsSolutions-SQS3': /DeadLetterQueue\/Resource$/,
      'AwsSolutions-L1': /\/Agent\/Function\/Resource$/,
      'AwsSolutions-IAM5[Resource::*]': /\/Role\/DefaultPolicy\/Resource$/,
      'AwsSolutions-SF1': /\/StateMachine\/Resource$/,
      [lifecycleExecutions]: /\/OrderSaga\/Role\/DefaultPolicy\/Resource$/,
    };
    for (const violation of awsSolutions?.suppressedViolations ?? []) {
      const paths = violation.violatingConstructs.map((construct) => construct.constructPath);
      for (const path of paths) expect(path).toMatch(expectedPath[violation.ruleName] ?? /^$/);
    }
  });
});
