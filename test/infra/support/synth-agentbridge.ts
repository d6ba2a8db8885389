import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AgentbridgeStack } from '../../../lib/agentbridge-stack.js';

/** Producer account used in the tests' context. */
export const TEST_PRODUCER_ACCOUNT = '123456789012';

/** A synthesized agentbridge stack (bundling skipped), with helpers to map constructs to logical ids. */
export interface SynthesizedAgentbridge {
  readonly app: App;
  readonly stack: AgentbridgeStack;
  readonly template: Template;
  readonly outdir: string;
  readonly logicalId: (element: CfnElement) => string;
}

/**
 * Builds the real stack once per test file: `aws:cdk:bundling-stacks: []` skips esbuild (≈20–50 ms per
 * synth instead of ≈0.5 s per function), everything else is as `cdk synth` produces it.
 *
 * @example
 * ```ts
 * const { stack, template } = synthAgentbridge();
 * ```
 */
export function synthAgentbridge(configure: (app: App) => void = () => undefined): SynthesizedAgentbridge {
  const outdir = mkdtempSync(join(tmpdir(), 'agentbridge-infra-'));
  const app = new App({
    outdir,
    context: { 'aws:cdk:bundling-stacks': [], producerAccounts: [TEST_PRODUCER_ACCOUNT] },
  });
  configure(app);
  const stack = new AgentbridgeStack(app, 'AgentBridge');
  const template = Template.fromStack(stack);
  return { app, stack, template, outdir, logicalId: (element) => stack.getLogicalId(element) };
}
