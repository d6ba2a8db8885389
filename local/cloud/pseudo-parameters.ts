import { createHash } from 'node:crypto';
import type { TemplateParameter } from '../cdk-out/cdk-out-template.js';
import { CdkOutError } from './cdk-out-error.js';
import type { LocalIdentity } from './local-identity.js';

/** `AWS::NoValue`: the property or list element is removed, as CloudFormation does. */
export const NO_VALUE = Symbol('AWS::NoValue');
/** Legacy (pre-bootstrap) synthesis passes each asset's bucket and key as parameters. */
const LEGACY_ASSET_PARAMETER =
  /^AssetParameters([0-9a-f]{64})(S3Bucket|S3VersionKey|ArtifactHash)[0-9A-F]{8}$/;
/** The bucket legacy asset parameters name locally; assets are found by key (`<hash>.zip`). */
export const LOCAL_ASSET_BUCKET = 'local-cdk-assets';

/** The value of a pseudo parameter (`AWS::Region`, …) in the local identity; undefined for other names. */
export function pseudoParameter(name: string, identity: LocalIdentity, stackName: string): unknown {
  switch (name) {
    case 'AWS::Region':
      return identity.region;
    case 'AWS::AccountId':
      return identity.accountId;
    case 'AWS::Partition':
      return identity.partition;
    case 'AWS::URLSuffix':
      return identity.urlSuffix;
    case 'AWS::StackName':
      return stackName;
    case 'AWS::StackId': {
      // A stable id per stack name, so every load gives the same ARN.
      const id = createHash('sha256').update(stackName).digest('hex');
      const uuid = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`;
      return `arn:${identity.partition}:cloudformation:${identity.region}:${identity.accountId}:stack/${stackName}/${uuid}`;
    }
    case 'AWS::NotificationARNs':
      return [];
    case 'AWS::NoValue':
      return NO_VALUE;
    default:
      return undefined;
  }
}

/**
 * A template parameter's value: the one given at load, else its default (lists split at commas). Legacy
 * asset parameters name the local asset bucket and `<hash>.zip`, so the asset is found by its hash.
 */
export function parameterValue(
  name: string,
  parameter: TemplateParameter,
  given: Readonly<Record<string, string>>,
  site: { readonly logicalId: string },
): unknown {
  const legacy = LEGACY_ASSET_PARAMETER.exec(name);
  if (legacy !== null) {
    const [, hash, part] = legacy;
    if (part === 'S3Bucket') return LOCAL_ASSET_BUCKET;
    return part === 'S3VersionKey' ? `||${hash}.zip` : hash;
  }
  const value = given[name] ?? parameter.Default;
  if (value === undefined) {
    throw new CdkOutError(
      'CDK_OUT_INVALID',
      `parameter ${name} has no default: give it a value when loading`,
      {
        logicalId: site.logicalId,
      },
    );
  }
  if (parameter.Type.startsWith('List<') || parameter.Type === 'CommaDelimitedList') {
    return (typeof value === 'string' ? value : String(value)).split(',');
  }
  return value;
}
