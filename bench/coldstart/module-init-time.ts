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

/**
 * Imports the module once and prints how long the import took (module init, no process start-up): wall
 * time, and the CPU time the process spent (all its threads: V8 also compiles and collects off the main one).
 */
const IMPORT_SCRIPT =
  'const cpu = process.cpuUsage(); const started = performance.now(); await import(process.argv[1]); ' +
  'const wallMs = performance.now() - started; const { user, system } = process.cpuUsage(cpu); ' +
  'process.stdout.write(JSON.stringify({ wallMs, cpuMs: (user + system) / 1000 }));';

/**
 * One module init. Wall time is what a cold start waits; CPU time is the work itself, which a machine
 * shared with other jobs inflates far less (waiting for a core counts in the wall time only).
 */
export interface ModuleInitTime {
  readonly wallMs: number;
  readonly cpuMs: number;
}

/**
 * The time one fresh `node` process spends importing `modulePath` (its module init), with the given
 * environment (the function's own, `NODE_OPTIONS` included, over Lambda's standard variables). Throws with
 * the child's stderr when the import fails, so a broken bundle is never reported as fast.
 *
 * @example
 * ```ts
 * const { wallMs, cpuMs } = moduleInitTime('cdk.out/asset.abc/index.mjs', { AGENTBRIDGE_AGENT_TYPE: 'users' }, 'users');
 * ```
 */
export function moduleInitTime(
  modulePath: string,
  environment: Readonly<Record<string, string>>,
  functionName: string,
): ModuleInitTime {
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
  const fail = (): never => {
    throw new Error(`importing ${modulePath} failed (${child.status ?? child.signal}): ${child.stderr}`);
  };
  if (child.status !== 0) fail();
  let time: Partial<ModuleInitTime> = {};
  try {
    time = JSON.parse(child.stdout) as Partial<ModuleInitTime>;
  } catch {
    fail();
  }
  const { wallMs, cpuMs } = time;
  if (typeof wallMs !== 'number' || typeof cpuMs !== 'number' || !Number.isFinite(wallMs)) return fail();
  return { wallMs, cpuMs };
}
