import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CdkTemplate } from '../cdk-out/cdk-out-template.js';
import { buildStack, type DeploymentEntries } from './build-stack.js';
import { type AssemblyStack, readAssets, readCloudAssembly } from './cloud-assembly.js';
import type { LocalDeployment } from './local-deployment.js';
import { type LocalIdentity, localArn, localIdentity } from './local-identity.js';
import type { NotModelledEntry } from './not-modelled.js';
import { prepareStacks } from './prepare-stacks.js';

/** How to load a cdk.out. */
export interface LoadLocalDeploymentOptions {
  /** The account, region and endpoints of the local cloud (defaults: 000000000000, us-east-1). */
  readonly identity?: Partial<LocalIdentity>;
  /** Values for template parameters, over their defaults (every stack). */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Only these stacks (by stack name); all by default. */
  readonly stacks?: readonly string[];
  /**
   * Whether a function's bundle must be in cdk.out (default true). A synthesis with bundling skipped has
   * none: with `false` such a function's code is `unbundled` instead of an `ASSET_MISSING` error.
   */
  readonly requireBundles?: boolean;
}

/**
 * The local deployment model of stacks already read (see {@link readCloudAssembly}, {@link templateStack}):
 * what {@link loadLocalDeployment} builds from a cdk.out directory.
 */
export function localDeploymentOf(
  stacks: readonly AssemblyStack[],
  cdkOutDir: string,
  options: LoadLocalDeploymentOptions = {},
): LocalDeployment {
  const identity = localIdentity(options.identity);
  const notModelled = new Map<string, NotModelledEntry>();
  const report = (entry: NotModelledEntry): void => {
    notModelled.set([entry.stackName, entry.logicalId, entry.what, entry.reason].join('\u0000'), entry);
  };
  const selected = stacks.filter((stack) => options.stacks?.includes(stack.stackName) ?? true);
  const { prepared, links } = prepareStacks(selected, identity, options.parameters ?? {}, report);
  const into: DeploymentEntries = {
    tables: [],
    eventBuses: [],
    rules: [],
    queues: [],
    functions: [],
    eventInvokeConfigs: [],
    eventSourceMappings: [],
    stateMachines: [],
  };
  const requireBundles = options.requireBundles ?? true;
  for (const stack of prepared) buildStack(stack, { cdkOutDir, requireBundles, links, report, into });
  if (!into.eventBuses.some((bus) => bus.name === 'default')) {
    into.eventBuses.push({
      name: 'default',
      arn: localArn(identity, 'events', 'event-bus/default'),
      origin: undefined,
    });
  }
  return {
    cdkOutDir,
    stacks: prepared.map((stack) => stack.local),
    ...into,
    notModelled: [...notModelled.values()],
  };
}

/**
 * One template held in memory as a stack of a cloud assembly, with the assets of `<dir>/<stack>.assets.json`
 * when there is one (else bundles are found by the asset path CDK records in each function's metadata).
 */
export function templateStack(template: CdkTemplate, stackName: string, dir?: string): AssemblyStack {
  const manifest = `${stackName}.assets.json`;
  const assets =
    dir !== undefined && existsSync(join(dir, manifest))
      ? readAssets(dir, manifest)
      : { files: [], images: [] };
  return {
    artifactId: stackName,
    stackName,
    templateFile: '',
    template,
    environment: {},
    fileAssets: assets.files,
    dockerImageAssets: assets.images,
    dependencies: [],
  };
}

/**
 * Loads a cdk.out into the local deployment model: every stack's tables, buses, rules, queues, functions
 * (with async configuration and event source mappings) and state machines, each reference resolved to a
 * local name, ARN or URL, plus the list of what the local cloud ignores or does not support. Throws
 * {@link CdkOutError} for a cdk.out no deployment would accept.
 *
 * @example
 * ```ts
 * const deployment = loadLocalDeployment('cdk.out');
 * for (const line of formatNotModelled(deployment.notModelled)) console.error(line);
 * ```
 */
export function loadLocalDeployment(
  cdkOutDir: string,
  options: LoadLocalDeploymentOptions = {},
): LocalDeployment {
  const dir = resolve(cdkOutDir);
  return localDeploymentOf(readCloudAssembly(dir), dir, options);
}
