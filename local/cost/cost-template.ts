import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { AgentbridgeStack } from '../../lib/agentbridge-stack.js';
import {
  type CdkTemplate,
  isCdkOutFresh,
  REPOSITORY_ROOT,
  readCdkTemplate,
} from '../cdk-out/cdk-out-template.js';

/**
 * The order system's template for the cost report: `cdk.out` when it is as new as its sources, otherwise a
 * synthesis in this process with bundling skipped (the bill needs the template, not the bundles), into a
 * temporary directory that is removed afterwards. Says which in `from`.
 *
 * @example
 * ```ts
 * const { template, from } = costTemplate();
 * ```
 */
export function costTemplate(): { template: CdkTemplate; from: string } {
  if (isCdkOutFresh())
    return { template: readCdkTemplate(join(REPOSITORY_ROOT, 'cdk.out')), from: 'cdk.out' };
  const outdir = mkdtempSync(join(tmpdir(), 'agentbridge-cost-'));
  try {
    const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
    new AgentbridgeStack(app, 'AgentBridge', {});
    app.synth();
    return {
      template: readCdkTemplate(outdir),
      from: 'a fresh synthesis (bundling skipped; cdk.out was absent or stale)',
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
