import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentFunction } from '../../lib/constructs/agent-function.js';
import { projectPath } from '../../lib/project-paths.js';
import { resourcesOfType } from './support/template-queries.js';

/** The only synth in the infra suite that really bundles: one small entry, through the local esbuild. */
describe('AgentFunction bundling', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'agentbridge-bundle-'));
  let bundleDir = '';

  beforeAll(() => {
    const app = new App({ outdir });
    const stack = new Stack(app, 'BundlingUnderTest');
    new AgentFunction(stack, 'SdkEcho', {
      entry: projectPath('test/fixtures/infra/sdk-echo-handler.ts'),
      agentType: 'sdk-echo',
      functionName: 'BundlingUnderTest-sdk-echo',
      eventBus: new EventBus(stack, 'Bus'),
      agentFunctions: {},
      tables: [],
    });
    const [fn] = Object.values(resourcesOfType(Template.fromStack(stack), 'AWS::Lambda::Function'));
    const code = fn?.Properties?.Code as { S3Key?: string } | undefined;
    const key = String(code?.S3Key);
    bundleDir = join(outdir, `asset.${key.replace(/\.zip$/, '')}`);
  }, 60_000);

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('emits a minified ES module with a source map and the require shim first', () => {
    const code = readFileSync(join(bundleDir, 'index.mjs'), 'utf8');
    expect(
      code.startsWith("import { createRequire as __agentbridgeCreateRequire } from 'node:module';"),
    ).toBe(true);
    expect(code).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
    expect(existsSync(join(bundleDir, 'index.mjs.map'))).toBe(true);
    expect(code.split('\n').length).toBeLessThan(50);
  });

  it('bundles the AWS SDK instead of importing it from the runtime', () => {
    const code = readFileSync(join(bundleDir, 'index.mjs'), 'utf8');
    expect(/from\s*["']@aws-sdk\//.test(code)).toBe(false);
    expect(/require\(["']@aws-sdk\//.test(code)).toBe(false);
    // The SQS client's service model travels inside the bundle.
    expect(code.includes('com.amazonaws.sqs')).toBe(true);
  });

  it('loads as ESM on Node and runs the handler', async () => {
    const module = (await import(pathToFileURL(join(bundleDir, 'index.mjs')).href)) as {
      handler: (event: { queueName: string }) => Promise<{ resolvable: boolean; queueName: string }>;
    };
    await expect(module.handler({ queueName: 'orders-dlq' })).resolves.toEqual({
      resolvable: true,
      queueName: 'orders-dlq',
    });
  });
});
