import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CdkTemplate } from '../cdk-out/cdk-out-template.js';
import { CdkOutError } from './cdk-out-error.js';

/** A file asset of a stack: where `cdk synth` put it and which bucket/key a deployment would upload it to. */
export interface FileAsset {
  readonly id: string;
  /** Absolute path of the staged asset (`<cdk.out>/asset.<hash>` directory or file). */
  readonly path: string;
  readonly packaging: 'zip' | 'file';
  /** Bucket and key per destination, `${AWS::AccountId}`-style placeholders as the manifest writes them. */
  readonly destinations: readonly { readonly bucketName: string; readonly objectKey: string }[];
}

/** One `aws:cloudformation:stack` artifact: its template, assets and declared environment. */
export interface AssemblyStack {
  readonly artifactId: string;
  readonly stackName: string;
  readonly templateFile: string;
  readonly template: CdkTemplate;
  /** The account and region the stack is pinned to, when it is (`aws://123456789012/eu-west-1`). */
  readonly environment: { readonly account?: string; readonly region?: string };
  readonly fileAssets: readonly FileAsset[];
  /** Ids of the container image assets, which the local cloud does not build. */
  readonly dockerImageAssets: readonly string[];
  /** Artifact ids of the stacks this one depends on (their exports come first). */
  readonly dependencies: readonly string[];
}

interface ManifestArtifact {
  readonly type?: string;
  readonly environment?: string;
  readonly dependencies?: readonly string[];
  readonly properties?: {
    readonly templateFile?: string;
    readonly stackName?: string;
    readonly file?: string;
    readonly directoryName?: string;
  };
}

interface AssetManifest {
  readonly files?: Readonly<
    Record<
      string,
      {
        readonly source?: { readonly path?: string; readonly packaging?: string };
        readonly destinations?: Readonly<Record<string, { bucketName?: string; objectKey?: string }>>;
      }
    >
  >;
  readonly dockerImages?: Readonly<Record<string, unknown>>;
}

const readJson = <T>(path: string, what: string): T => {
  if (!existsSync(path)) throw new CdkOutError('CDK_OUT_MISSING', `${what} not found: ${path}`, { path });
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (cause) {
    throw new CdkOutError('CDK_OUT_NOT_JSON', `${what} is not JSON: ${path}`, { path, cause });
  }
};

const concrete = (value: string | undefined): string | undefined =>
  value === undefined || value.startsWith('unknown-') ? undefined : value;

/** The file and container image assets of an asset manifest (`<stack>.assets.json`) of `dir`. */
export const readAssets = (dir: string, file: string): { files: FileAsset[]; images: string[] } => {
  const manifest = readJson<AssetManifest>(join(dir, file), 'asset manifest');
  const files = Object.entries(manifest.files ?? {}).flatMap(([id, asset]) => {
    // The template itself is a file asset too; it is read from templateFile instead.
    if (asset.source?.path === undefined || asset.source.path.endsWith('.template.json')) return [];
    return [
      {
        id,
        path: join(dir, asset.source.path),
        packaging: asset.source.packaging === 'file' ? ('file' as const) : ('zip' as const),
        destinations: Object.values(asset.destinations ?? {}).map((destination) => ({
          bucketName: destination.bucketName ?? '',
          objectKey: destination.objectKey ?? '',
        })),
      },
    ];
  });
  return { files, images: Object.keys(manifest.dockerImages ?? {}) };
};

/**
 * Reads a cloud assembly (`cdk.out`): `manifest.json`, every stack's template and asset manifest, nested
 * assemblies (stages) included. Throws {@link CdkOutError} for a missing manifest or template and for a file
 * that is not JSON.
 *
 * @example
 * ```ts
 * for (const stack of readCloudAssembly('cdk.out')) console.log(stack.stackName, stack.fileAssets.length);
 * ```
 */
export function readCloudAssembly(dir: string): AssemblyStack[] {
  const manifest = readJson<{ artifacts?: Record<string, ManifestArtifact> }>(
    join(dir, 'manifest.json'),
    'cloud assembly manifest',
  );
  const artifacts = manifest.artifacts ?? {};
  return Object.entries(artifacts).flatMap(([artifactId, artifact]): AssemblyStack[] => {
    const properties = artifact.properties ?? {};
    if (artifact.type === 'cdk:cloud-assembly' && properties.directoryName !== undefined) {
      return readCloudAssembly(join(dir, properties.directoryName));
    }
    if (artifact.type !== 'aws:cloudformation:stack') return [];
    const templateFile = properties.templateFile ?? `${artifactId}.template.json`;
    const template = readJson<CdkTemplate>(join(dir, templateFile), `template of stack ${artifactId}`);
    if (template === null || typeof template !== 'object' || typeof template.Resources !== 'object') {
      throw new CdkOutError('CDK_OUT_INVALID', `template of stack ${artifactId} has no Resources`, {
        path: join(dir, templateFile),
      });
    }
    const dependencies = artifact.dependencies ?? [];
    const assets = dependencies.flatMap((id) => {
      const dependency = artifacts[id];
      return dependency?.type === 'cdk:asset-manifest' && dependency.properties?.file !== undefined
        ? [readAssets(dir, dependency.properties.file)]
        : [];
    });
    const [, account, region] = /^aws:\/\/([^/]*)\/(.*)$/.exec(artifact.environment ?? '') ?? [];
    return [
      {
        artifactId,
        stackName: properties.stackName ?? artifactId,
        templateFile: join(dir, templateFile),
        template,
        environment: { account: concrete(account), region: concrete(region) },
        fileAssets: assets.flatMap((asset) => asset.files),
        dockerImageAssets: assets.flatMap((asset) => asset.images),
        dependencies: dependencies.filter((id) => artifacts[id]?.type === 'aws:cloudformation:stack'),
      },
    ];
  });
}
