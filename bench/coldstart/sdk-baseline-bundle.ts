import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { AGENT_BUNDLING } from '../../lib/constructs/agent-function.js';

/** The SDK client class each `@aws-sdk/client-*` package exports, for the packages the functions use. */
export const CLIENT_CLASSES: Readonly<Record<string, string>> = {
  '@aws-sdk/client-dynamodb': 'DynamoDBClient',
  '@aws-sdk/client-eventbridge': 'EventBridgeClient',
  '@aws-sdk/client-lambda': 'LambdaClient',
  '@aws-sdk/client-sfn': 'SFNClient',
  '@aws-sdk/client-sqs': 'SQSClient',
};

/**
 * The `@aws-sdk/client-*` packages bundled into a function, read from its source map (every bundled file is
 * listed there, so nothing depends on how the handler spells its imports).
 *
 * @example
 * ```ts
 * sdkClientsOf('cdk.out/asset.abc'); // ['@aws-sdk/client-dynamodb', '@aws-sdk/client-eventbridge']
 * ```
 */
export function sdkClientsOf(assetDir: string): string[] {
  const map = JSON.parse(readFileSync(join(assetDir, 'index.mjs.map'), 'utf8')) as { sources: string[] };
  const clients = new Set<string>();
  for (const source of map.sources) {
    const match = /node_modules\/(@aws-sdk\/client-[a-z0-9-]+)\//.exec(source);
    if (match?.[1] !== undefined && CLIENT_CLASSES[match[1]] !== undefined) clients.add(match[1]);
  }
  return [...clients].sort();
}

/**
 * Bundles a module that only creates one instance of each given SDK client at module scope, with the same
 * esbuild options as the functions (ESM, minified, names kept, SDK bundled, the same banner), and no source
 * map: the floor a function's module init is compared with. Returns the bundle's path.
 *
 * @example
 * ```ts
 * const baseline = await sdkBaselineBundle(['@aws-sdk/client-dynamodb'], '/tmp/coldstart');
 * ```
 */
export async function sdkBaselineBundle(clients: readonly string[], outDir: string): Promise<string> {
  const dir = join(outDir, clients.length === 0 ? 'none' : clients.map((c) => c.slice(16)).join('+'));
  mkdirSync(dir, { recursive: true });
  const imports = clients.map(
    (client, i) => `import { ${CLIENT_CLASSES[client]} as C${i} } from '${client}';`,
  );
  const instances = clients.map((_, i) => `new C${i}({})`).join(', ');
  const entry = join(dir, 'entry.mjs');
  writeFileSync(entry, `${imports.join('\n')}\nexport const clients = [${instances}];\n`);
  return bundleFloor(entry, join(dir, 'index.mjs'));
}

/**
 * Bundles a generated floor entry with the functions' esbuild options (ESM, minified, names kept, everything
 * bundled, the same banner) and no source map. Returns `outfile`.
 */
export async function bundleFloor(entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: AGENT_BUNDLING.target ?? 'node22',
    mainFields: ['module', 'main'],
    minify: true,
    keepNames: true,
    banner: { js: AGENT_BUNDLING.banner ?? '' },
    nodePaths: [join(process.cwd(), 'node_modules')],
    logLevel: 'silent',
  });
  return outfile;
}
