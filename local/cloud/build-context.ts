import type { FileAsset } from './cloud-assembly.js';
import type { LocalLink } from './local-deployment.js';
import type { LocalIdentity } from './local-identity.js';
import type { NotModelledEntry } from './not-modelled.js';
import { LOCAL_ASSET_BUCKET } from './pseudo-parameters.js';
import type { ResolveSite, TemplateResolver } from './template-resolver.js';

/** What every resource builder of one stack works with. */
export interface BuildContext {
  readonly stackName: string;
  readonly identity: LocalIdentity;
  readonly resolver: TemplateResolver;
  readonly cdkOutDir: string;
  /** Whether a function bundle missing from cdk.out is an error (else the code is `unbundled`). */
  readonly requireBundles: boolean;
  /** The staged asset a bucket and key refer to, if cdk.out has it. */
  readonly asset: (bucket: string, key: string) => FileAsset | undefined;
  /** The deployment's resource an ARN names, or `external` (listed as unsupported). */
  readonly link: (arn: string, site: ResolveSite, what: string) => LocalLink;
  readonly report: (entry: NotModelledEntry) => void;
}

/** Properties with no behaviour on AWS either: accepted without a listing. */
const INERT = new Set(['Description', 'Tags']);

/**
 * Lists each property of a resource the builder neither honours nor ignores on purpose (as unsupported), and
 * each ignored one (with why), so nothing in the template is dropped without a line at start-up.
 */
export function checkProperties(
  context: BuildContext,
  site: ResolveSite,
  properties: Readonly<Record<string, unknown>>,
  honoured: readonly string[],
  ignored: Readonly<Record<string, string>> = {},
): void {
  for (const name of Object.keys(properties)) {
    if (INERT.has(name) || honoured.includes(name)) continue;
    const reason = ignored[name];
    context.report({
      stackName: context.stackName,
      ...site,
      what: `property ${name}`,
      reason: reason ?? 'not honoured locally',
      disposition: reason === undefined ? 'unsupported' : 'ignored',
    });
  }
}

/** A number from a template value (CloudFormation accepts `"30"` for 30), or the default. */
export const numberOr = (value: unknown, fallback: number): number => {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return fallback;
};

/** A boolean from a template value (`true` or `"true"`), or the default. */
export const booleanOr = (value: unknown, fallback: boolean): boolean => {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return fallback;
};

/** A string from a template value, or undefined. */
export const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

/** A value as a record (`{}` when it is not one). */
export const recordOf = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** The destination ARN of a `DestinationConfig.OnFailure`/`OnSuccess` (Lambda) block. */
export const destinationArn = (config: unknown, which: 'OnFailure' | 'OnSuccess'): string | undefined =>
  stringOf(recordOf(recordOf(config)[which]).Destination);

/** Finds staged assets by the bucket and key a template names (bootstrap bucket or legacy parameters). */
export function assetIndex(
  assets: readonly FileAsset[],
  identity: LocalIdentity,
): (bucket: string, key: string) => FileAsset | undefined {
  const pseudo: Readonly<Record<string, string>> = {
    AccountId: identity.accountId,
    Region: identity.region,
    Partition: identity.partition,
  };
  const place = (text: string): string =>
    text.replace(/\$\{AWS::(AccountId|Region|Partition)\}/g, (whole, name: string) => pseudo[name] ?? whole);
  const byLocation = new Map<string, FileAsset>();
  for (const asset of assets) {
    for (const destination of asset.destinations) {
      byLocation.set(`${place(destination.bucketName)}/${place(destination.objectKey)}`, asset);
    }
  }
  return (bucket, key) => {
    const found = byLocation.get(`${bucket}/${key}`);
    if (found !== undefined || bucket !== LOCAL_ASSET_BUCKET) return found;
    const hash = key.replace(/\.[a-z]+$/, '');
    return assets.find((asset) => asset.id === hash);
  };
}
