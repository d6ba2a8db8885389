import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One resource of a synthesized CloudFormation template, as `cdk synth` writes it. */
export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Readonly<Record<string, unknown>>;
  readonly Metadata?: Readonly<Record<string, unknown>>;
  /** The name of a template condition: the resource exists only when it is true. */
  readonly Condition?: string;
}

/** A parameter of a synthesized template (CDK writes `BootstrapVersion`, legacy synthesis asset parameters). */
export interface TemplateParameter {
  readonly Type: string;
  readonly Default?: unknown;
}

/** An output of a synthesized template; `Export.Name` makes it readable by `Fn::ImportValue` elsewhere. */
export interface TemplateOutput {
  readonly Value: unknown;
  readonly Export?: { readonly Name: unknown };
  readonly Condition?: string;
}

/** A synthesized template: its resources by logical id, and what they may refer to. */
export interface CdkTemplate {
  readonly Resources: Readonly<Record<string, TemplateResource>>;
  readonly Parameters?: Readonly<Record<string, TemplateParameter>>;
  readonly Conditions?: Readonly<Record<string, unknown>>;
  readonly Mappings?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>>;
  readonly Outputs?: Readonly<Record<string, TemplateOutput>>;
  /** Template rules: assertions on the target account (CDK's bootstrap version check). */
  readonly Rules?: Readonly<Record<string, unknown>>;
}

/** The repository root, where `cdk.out/` is written. */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** One synthesis the repository keeps fresh: an app, where its assembly goes, and what it is built from. */
export interface SynthTarget {
  /** The app command (`cdk synth --app`); default: cdk.json's, the order system. */
  readonly app?: string;
  /** The assembly directory, relative to the root. Default `cdk.out`. */
  readonly outDir?: string;
  /** The stack whose template's age is compared with the sources. */
  readonly stack: string;
  /** Paths, relative to the root, whose change makes the assembly stale. */
  readonly sources: readonly string[];
  /** CDK context values (`-c key=value`) the synthesis is made with. */
  readonly context?: Readonly<Record<string, string>>;
  /**
   * Build the package (`npm run build`) first: an app that imports `agentbridge` by name, as a team's would,
   * bundles the package's built entry points.
   */
  readonly buildPackage?: boolean;
}

/** The order system (`bin/app.ts` through cdk.json) into `cdk.out`. */
export const ORDER_SYSTEM_SYNTH: SynthTarget = {
  stack: 'AgentBridge',
  sources: ['bin', 'lib', 'lambdas', 'statemachines', 'package-lock.json', 'cdk.json'],
};

const newestMtimeMs = (path: string): number => {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    // An assembly inside a source folder (an example's own cdk.out) is output, not source.
    if (entry.startsWith('cdk.out')) continue;
    newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  }
  return newest;
};

/**
 * Whether the target's assembly holds a template of its stack at least as new as every source it is
 * synthesized from.
 *
 * @example
 * ```ts
 * if (!isSynthesisFresh(ORDER_SYSTEM_SYNTH)) console.log('run npm run synth');
 * ```
 */
export function isSynthesisFresh(target: SynthTarget, root = REPOSITORY_ROOT): boolean {
  const template = join(root, target.outDir ?? 'cdk.out', `${target.stack}.template.json`);
  if (!existsSync(template)) return false;
  const synthesizedAt = statSync(template).mtimeMs;
  return target.sources.every((source) => newestMtimeMs(join(root, source)) <= synthesizedAt);
}

/**
 * Makes sure the target's assembly is a fresh, bundled synthesis: runs `scripts/synth.sh` (offline, no
 * credentials, cdk-nag as a validation plugin) when it is absent or older than its sources. Returns the
 * assembly directory. Throws when the build or the synth fails.
 *
 * @example
 * ```ts
 * const dir = ensureSynthesized({ app: 'npx tsx examples/ops-desk/app.ts', outDir: 'examples/ops-desk/cdk.out',
 *   stack: 'OpsDesk', sources: ['examples/ops-desk', 'lambdas', 'lib', 'src'], buildPackage: true });
 * ```
 */
export function ensureSynthesized(target: SynthTarget, root = REPOSITORY_ROOT): string {
  const outDir = target.outDir ?? 'cdk.out';
  const dir = join(root, outDir);
  if (isSynthesisFresh(target, root)) return dir;
  console.error(
    `${outDir} is absent or older than its sources: synthesizing ${target.stack} (bundles every function)`,
  );
  const run = (command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): void => {
    const done = spawnSync(command, args, { cwd: root, stdio: ['ignore', 2, 2], env });
    if (done.status !== 0)
      throw new Error(`${command} ${args.join(' ')} exited with ${done.status ?? done.signal}`);
  };
  if (target.buildPackage === true) run('npm', ['run', '--silent', 'build']);
  const args = [
    'scripts/synth.sh',
    ...(target.app === undefined ? [] : ['--app', target.app]),
    ...Object.entries(target.context ?? {}).flatMap(([key, value]) => ['-c', `${key}=${value}`]),
  ];
  run('bash', args, { ...process.env, AGENTBRIDGE_CDK_OUT: outDir });
  return dir;
}

/**
 * Whether `<root>/cdk.out` holds a fresh template of the order system (see {@link isSynthesisFresh}).
 *
 * @example
 * ```ts
 * if (!isCdkOutFresh()) console.log('run npm run synth');
 * ```
 */
export function isCdkOutFresh(root = REPOSITORY_ROOT, stack = 'AgentBridge'): boolean {
  return isSynthesisFresh({ ...ORDER_SYSTEM_SYNTH, stack }, root);
}

/**
 * Makes sure `cdk.out` holds a fresh, bundled synthesis of the order system (see {@link ensureSynthesized}).
 *
 * @example
 * ```ts
 * const dir = ensureBundledCdkOut();
 * ```
 */
export function ensureBundledCdkOut(root = REPOSITORY_ROOT, stack = 'AgentBridge'): string {
  return ensureSynthesized({ ...ORDER_SYSTEM_SYNTH, stack }, root);
}

/**
 * Reads `<dir>/<stack>.template.json`.
 *
 * @example
 * ```ts
 * const template = readCdkTemplate(ensureBundledCdkOut());
 * ```
 */
export function readCdkTemplate(dir: string, stack = 'AgentBridge'): CdkTemplate {
  return JSON.parse(readFileSync(join(dir, `${stack}.template.json`), 'utf8')) as CdkTemplate;
}

/** The resources of one CloudFormation type, with their logical ids. */
export function resourcesOfType(
  template: CdkTemplate,
  type: string,
): Array<{ readonly logicalId: string; readonly resource: TemplateResource }> {
  return Object.entries(template.Resources)
    .filter(([, resource]) => resource.Type === type)
    .map(([logicalId, resource]) => ({ logicalId, resource }));
}
