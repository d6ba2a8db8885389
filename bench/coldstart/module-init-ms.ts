import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** What Lambda sets in every Node.js function's environment that Powertools and the SDK read at init. */
const LAMBDA_ENVIRONMENT = {
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'coldstart',
  AWS_SECRET_ACCESS_KEY: 'coldstart',
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
  AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
  NODE_NO_WARNINGS: '1',
};

/** Imports the module once and prints how long the import took: module init, no process start-up. */
const IMPORT_SCRIPT =
  'const started = performance.now(); await import(process.argv[1]); ' +
  'process.stdout.write(String(performance.now() - started));';

/**
 * Milliseconds one fresh `node` process spends importing `modulePath` (its module init), with the given
 * environment (the function's own, `NODE_OPTIONS` included, over Lambda's standard variables). Throws with
 * the child's stderr when the import fails, so a broken bundle is never reported as fast.
 *
 * @example
 * ```ts
 * const ms = moduleInitMs('cdk.out/asset.abc/index.mjs', { AGENTBRIDGE_AGENT_TYPE: 'users' }, 'users');
 * ```
 */
export function moduleInitMs(
  modulePath: string,
  environment: Readonly<Record<string, string>>,
  functionName: string,
): number {
  const child = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', IMPORT_SCRIPT, pathToFileURL(modulePath).href],
    {
      env: {
        PATH: process.env.PATH ?? '',
        ...LAMBDA_ENVIRONMENT,
        AWS_LAMBDA_FUNCTION_NAME: functionName,
        ...environment,
      },
      encoding: 'utf8',
    },
  );
  const ms = Number(child.stdout);
  if (child.status !== 0 || !Number.isFinite(ms) || child.stdout === '') {
    throw new Error(`importing ${modulePath} failed (${child.status ?? child.signal}): ${child.stderr}`);
  }
  return ms;
}
