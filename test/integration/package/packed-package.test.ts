import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface PackResult {
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: readonly { readonly path: string }[];
}

interface ConsumerReport {
  readonly entries: Readonly<Record<string, readonly string[]>>;
  readonly reply: string;
  readonly functions: readonly string[];
  readonly rules: readonly unknown[];
  readonly queues: number;
}

const REPO = resolve('.');
const ENTRY_POINTS = ['index', 'lambda', 'aws', 'stores', 'patterns', 'cdk', 'local', 'testing'];
const SUBPATHS = ['agentbridge', ...ENTRY_POINTS.slice(1).map((entry) => `agentbridge/${entry}`)];
/** The order system: none of it may ship. */
const ORDER_SYSTEM =
  /lambdas\/(agents|handlers)\/|contracts\/(order|users|notification)\/|(users|inventory|payments|notifications)-table|all-tables|agent-catalog|order-system|local\/(demo|cost)\//;

/** No credentials and no version check: the scratch project must not need an account or the network. */
const offlineEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', AWS_REGION: 'eu-west-1' };
  for (const name of Object.keys(env))
    if (/^AWS_(ACCESS|SECRET|SESSION|PROFILE)/.test(name)) delete env[name];
  return env;
};

/**
 * Installs the tarball as npm would (unpacked into `node_modules/agentbridge`) in a temporary project outside
 * the repository, offline: the dependencies are this repository's installed ones, linked next to it.
 */
const installInScratchProject = (scratch: string, tarball: string): void => {
  const modules = join(scratch, 'node_modules');
  mkdirSync(join(modules, 'agentbridge'), { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', join(modules, 'agentbridge'), '--strip-components=1']);
  const installed = realpathSync(join(REPO, 'node_modules'));
  for (const entry of readdirSync(installed)) {
    if (entry.startsWith('.') || entry === 'agentbridge') continue;
    symlinkSync(join(installed, entry), join(modules, entry));
  }
  writeFileSync(
    join(scratch, 'package.json'),
    JSON.stringify({ name: 'scratch', private: true, type: 'module' }),
  );
  // NodejsFunction looks for the project's lock file from the working directory, as in any project.
  writeFileSync(
    join(scratch, 'package-lock.json'),
    JSON.stringify({
      name: 'scratch',
      lockfileVersion: 3,
      requires: true,
      packages: { '': { name: 'scratch' } },
    }),
  );
};

describe('the packed package, installed in a project of its own', () => {
  let scratch = '';
  let packed: PackResult;
  let report: ConsumerReport;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'agentbridge-consumer-'));
    const output = execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], {
      cwd: REPO,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const [result] = JSON.parse(output) as PackResult[];
    if (result === undefined) throw new Error(`npm pack reported nothing: ${output}`);
    packed = result;
    installInScratchProject(scratch, join(scratch, packed.filename));
    copyFileSync(join(REPO, 'test/integration/package/consumer.mjs'), join(scratch, 'consumer.mjs'));
    const printed = execFileSync(process.execPath, ['consumer.mjs'], {
      cwd: scratch,
      encoding: 'utf8',
      env: offlineEnv(),
    });
    report = JSON.parse(printed) as ConsumerReport;
    // The second example, as a team would have it in a project of its own.
    cpSync(join(REPO, 'examples/support-triage'), join(scratch, 'support-triage'), { recursive: true });
  }, 300_000);

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('ships JavaScript and declarations for every entry point, and no source, test or order-system file', () => {
    const paths = packed.files.map((file) => file.path);
    for (const entry of ENTRY_POINTS) {
      expect(paths).toContain(`dist/src/${entry}.js`);
      expect(paths).toContain(`dist/src/${entry}.d.ts`);
    }
    expect(
      paths.filter((path) => !path.startsWith('dist/') && !/^(package\.json|README\.md)$/.test(path)),
    ).toEqual([]);
    expect(paths.filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))).toEqual([]);
    expect(paths.filter((path) => ORDER_SYSTEM.test(path))).toEqual([]);
  });

  it('exports from the installed tarball exactly what each entry point exports in the repository', async () => {
    for (const subpath of SUBPATHS) {
      const inRepository = Object.keys(await import(subpath)).sort();
      expect(inRepository.length).toBeGreaterThan(0);
      expect({ subpath, names: report.entries[subpath] }).toEqual({ subpath, names: inRepository });
    }
  });

  it('synthesizes a one-agent AgentBridge stack with no unacknowledged cdk-nag finding, under plain node', () => {
    expect(report.functions).toEqual(['greetings-greeter']);
    // Its subscription, and the direct-message prefix "greeter:" registering the type subscribes.
    expect(report.rules).toHaveLength(2);
    expect(JSON.stringify(report.rules)).toContain('"greetings"');
    expect(JSON.stringify(report.rules)).toContain('{"prefix":"greeter:"}');
    // The function's dead-letter queue and the subscription's delivery dead-letter queue.
    expect(report.queues).toBe(2);
  });

  it('ships the agentbridge command, which runs under plain node from the installed package', () => {
    const manifest = JSON.parse(
      readFileSync(join(scratch, 'node_modules/agentbridge/package.json'), 'utf8'),
    ) as {
      bin?: Record<string, string>;
    };
    const bin = join(scratch, 'node_modules/agentbridge', manifest.bin?.agentbridge ?? 'missing');
    const help = execFileSync(process.execPath, [bin, '--help'], {
      cwd: scratch,
      encoding: 'utf8',
      env: offlineEnv(),
    });
    expect(help.split('\n')[0]).toBe(
      'usage: agentbridge <command> [options]   (agentbridge <command> --help for one)',
    );
    expect(help).toContain('  dev [--cdk-out dir]');
    let refused: { status?: number; stderr?: string } = {};
    try {
      execFileSync(process.execPath, [bin, 'trace', 'o-1'], {
        cwd: scratch,
        encoding: 'utf8',
        env: { ...offlineEnv(), AWS_ENDPOINT_URL: '' },
        stdio: 'pipe',
      });
    } catch (error) {
      refused = error as { status?: number; stderr?: string };
    }
    expect([refused.status, refused.stderr?.trim()]).toEqual([
      2,
      'agentbridge: no endpoint: pass --endpoint http://127.0.0.1:<port> or set AWS_ENDPOINT_URL (agentbridge dev prints it)',
    ]);
  });

  it('answers an in-process send', () => {
    expect(report.reply).toBe('Hello Ada');
  });

  it('runs examples/support-triage outside the repository: in one process it assigns the ticket, and its stack synthesizes with no unacknowledged cdk-nag finding', () => {
    const outdir = join(scratch, 'support-triage.out');
    // One process, as `tsx` runs a project's scripts: the in-process run, then the CDK app (bundling skipped).
    const script = "await import('./support-triage/local.ts'); await import('./support-triage/app.ts');";
    const printed = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: scratch,
      encoding: 'utf8',
      env: {
        ...offlineEnv(),
        CDK_OUTDIR: outdir,
        CDK_CONTEXT_JSON: JSON.stringify({ 'aws:cdk:bundling-stacks': [] }),
      },
    });
    expect(printed.split('\n')[0]).toBe("{ ticketId: 'T-1001', team: 'billing', priority: 'urgent' }");
    const nag = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { pluginName: string; conclusion: string; violations: unknown[] }[];
    };
    expect(
      nag.pluginReports.map((plugin) => [plugin.pluginName, plugin.conclusion, plugin.violations]),
    ).toEqual([['AwsSolutions', 'success', []]]);
    const template = JSON.parse(readFileSync(join(outdir, 'SupportTriage.template.json'), 'utf8')) as {
      Resources: Record<string, { Type: string; Properties?: { FunctionName?: string } }>;
    };
    const functions = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function');
    expect(functions.map((fn) => fn.Properties?.FunctionName).sort()).toEqual([
      'support-assignment',
      'support-triage',
    ]);
  }, 120_000);

  it('type-checks a consumer and the support-triage example against the declarations alone, and rejects a wrong call', () => {
    copyFileSync(
      join(REPO, 'test/integration/package/consumer-types.ts'),
      join(scratch, 'consumer-types.ts'),
    );
    const tsconfig = {
      compilerOptions: {
        module: 'nodenext',
        target: 'ES2022',
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        types: ['node'],
      },
      files: [
        'consumer-types.ts',
        ...['app.ts', 'local.ts', 'handlers/triage.ts', 'handlers/assignment.ts'].map(
          (file) => `support-triage/${file}`,
        ),
      ],
    };
    writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = join(realpathSync(join(REPO, 'node_modules')), 'typescript/bin/tsc');
    expect(() => execFileSync(process.execPath, [tsc, '-p', scratch], { encoding: 'utf8' })).not.toThrow();
  }, 120_000);
});
