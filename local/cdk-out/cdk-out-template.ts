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

/** What the synthesized template is built from: a change to any of these makes cdk.out stale. */
const SOURCES = ['bin', 'lib', 'lambdas', 'statemachines', 'package-lock.json', 'cdk.json'];

const newestMtimeMs = (path: string): number => {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  return newest;
};

/**
 * Whether `<root>/cdk.out` holds a template of `stack` at least as new as every source it is synthesized from
 * (`bin/`, `lib/`, `lambdas/`, `statemachines/`, the lockfile, `cdk.json`).
 *
 * @example
 * ```ts
 * if (!isCdkOutFresh()) console.log('run npm run synth');
 * ```
 */
export function isCdkOutFresh(root = REPOSITORY_ROOT, stack = 'AgentBridge'): boolean {
  const template = join(root, 'cdk.out', `${stack}.template.json`);
  if (!existsSync(template)) return false;
  const synthesizedAt = statSync(template).mtimeMs;
  return SOURCES.every((source) => newestMtimeMs(join(root, source)) <= synthesizedAt);
}

/**
 * Makes sure `cdk.out` holds a fresh, bundled synthesis: runs `npm run synth` (offline, no credentials) when
 * the template is absent or older than its sources. Returns the `cdk.out` directory. Throws when the synth fails.
 *
 * @example
 * ```ts
 * const dir = ensureBundledCdkOut();
 * ```
 */
export function ensureBundledCdkOut(root = REPOSITORY_ROOT, stack = 'AgentBridge'): string {
  const dir = join(root, 'cdk.out');
  if (isCdkOutFresh(root, stack)) return dir;
  console.error(
    'cdk.out is absent or older than its sources: running npm run synth (bundles every function)',
  );
  const synth = spawnSync('npm', ['run', '--silent', 'synth'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (synth.status !== 0) throw new Error(`npm run synth exited with ${synth.status ?? synth.signal}`);
  return dir;
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
