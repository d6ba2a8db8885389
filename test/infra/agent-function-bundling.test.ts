import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_BUNDLING, AgentFunction } from '../../lib/constructs/agent-function.js';
import { projectPath } from '../../lib/constructs/project-paths.js';
import { resolveStackTrace } from '../../local/stack-trace/resolve-stack-trace.js';
import { resourcesOfType } from './support/template-queries.js';

/** The directory a synthesized function's bundle was written to (its asset, named after the S3 key). */
const bundleDirOf = (stack: Stack, outdir: string, agentFunction: AgentFunction): string => {
  const fn = resourcesOfType(Template.fromStack(stack), 'AWS::Lambda::Function')[
    stack.getLogicalId(agentFunction.function.node.defaultChild as CfnElement)
  ];
  const code = fn?.Properties?.Code as { S3Key?: string } | undefined;
  return join(outdir, `asset.${String(code?.S3Key).replace(/\.zip$/, '')}`);
};

/** The only synth in the infra suite that really bundles: two small entries, through the local esbuild. */
describe('AgentFunction bundling', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'agentbridge-bundle-'));
  let bundleDir = '';
  let declinedBundleDir = '';
  let outboxBundleDir = '';

  beforeAll(() => {
    const app = new App({ outdir });
    const stack = new Stack(app, 'BundlingUnderTest');
    const eventBus = new EventBus(stack, 'Bus');
    const echo = new AgentFunction(stack, 'SdkEcho', {
      entry: projectPath('test/fixtures/infra/sdk-echo-handler.ts'),
      agentType: 'sdk-echo',
      functionName: 'BundlingUnderTest-sdk-echo',
      eventBus,
      agentFunctions: {},
      tables: [],
    });
    const declined = new AgentFunction(stack, 'Declined', {
      entry: projectPath('test/infra/support/payment-declined-handler.ts'),
      agentType: 'declined',
      functionName: 'BundlingUnderTest-declined',
      eventBus,
      agentFunctions: {},
      tables: [],
    });
    // A product handler: its contracts and runtime import zod the way every function does.
    const outbox = new AgentFunction(stack, 'Outbox', {
      entry: projectPath('lambdas/handlers/outbox-publisher-handler.ts'),
      agentType: 'outbox',
      functionName: 'BundlingUnderTest-outbox',
      eventBus,
      agentFunctions: {},
      tables: [],
    });
    bundleDir = bundleDirOf(stack, outdir, echo);
    outboxBundleDir = bundleDirOf(stack, outdir, outbox);
    declinedBundleDir = bundleDirOf(stack, outdir, declined);
  }, 120_000);

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

  it('keeps class names through minification: the bundle throws PaymentDeclinedError by name', async () => {
    const code = readFileSync(join(declinedBundleDir, 'index.mjs'), 'utf8');
    // Minified: the class is not declared under its own name, so only keepNames can restore it.
    expect(code).not.toMatch(/class PaymentDeclinedError\b/);
    const module = (await import(pathToFileURL(join(declinedBundleDir, 'index.mjs')).href)) as {
      handler: (event: { sagaId: string; amount: number }) => Promise<never>;
    };
    await expect(module.handler({ sagaId: 'saga-1', amount: 2_500 })).rejects.toMatchObject({
      name: 'PaymentDeclinedError',
      code: 'PAYMENT_DECLINED',
      reason: 'card-declined',
    });
  });

  it('ships a source map that resolves a logged stack offline to the TypeScript source line', () => {
    // A plain node, as Lambda runs it without --enable-source-maps: the stack carries bundle positions.
    const script =
      'const { handler } = await import(process.argv[1]);' +
      "await handler({ sagaId: 'saga-1', amount: 2500 }).catch((error) => process.stdout.write(error.stack));";
    const child = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', script, pathToFileURL(join(declinedBundleDir, 'index.mjs')).href],
      { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NODE_NO_WARNINGS: '1' } },
    );
    const raw = child.stdout;
    expect(raw).toMatch(/^PaymentDeclinedError: Payment of 2500 declined/);
    expect(raw).toMatch(/index\.mjs:\d+:\d+/);
    expect(raw).not.toContain('payment-declined-handler.ts');
    const map = JSON.parse(readFileSync(join(declinedBundleDir, 'index.mjs.map'), 'utf8'));
    const resolved = resolveStackTrace(raw, map);
    expect(resolved).toMatch(/test\/infra\/support\/payment-declined-handler\.ts:8:\d+/);
    expect(resolved).not.toMatch(/index\.mjs:\d+:\d+/);
  });

  it("bundles zod's schema API without its other locales or its JSON-schema reader", () => {
    const { sources } = JSON.parse(readFileSync(join(outboxBundleDir, 'index.mjs.map'), 'utf8')) as {
      sources: string[];
    };
    const zodFiles = sources.filter((source) => source.includes('node_modules/zod/'));
    expect(zodFiles.some((source) => source.endsWith('zod/v4/classic/schemas.js'))).toBe(true);
    // English is the one locale zod configures; the other ~50 are dead weight parsed at every cold start.
    expect(zodFiles.filter((source) => /zod\/v4\/locales\/(?!en\.js)/.test(source))).toEqual([]);
    expect(zodFiles.filter((source) => source.endsWith('from-json-schema.js'))).toEqual([]);
  });

  it('pins keepNames in the bundling options every function uses', () => {
    expect(AGENT_BUNDLING).toMatchObject({ minify: true, keepNames: true });
  });
});
