import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TemplateResource } from '../cdk-out/cdk-out-template.js';
import { type BuildContext, checkProperties, numberOr, recordOf, stringOf } from './build-context.js';
import { CdkOutError } from './cdk-out-error.js';
import type { LocalFunction, LocalFunctionCode } from './local-deployment.js';
import type { ResolveSite } from './template-resolver.js';

const HONOURED = [
  'FunctionName',
  'Handler',
  'Runtime',
  'Code',
  'Environment',
  'Timeout',
  'MemorySize',
  'Architectures',
  'ReservedConcurrentExecutions',
  'Role',
  'DeadLetterConfig',
];

const IGNORED = {
  TracingConfig: 'X-Ray tracing is not recorded locally',
  LoggingConfig: 'function logs go to the console',
  VpcConfig: 'networking has no local effect',
  EphemeralStorage: 'the host file system is used',
  KmsKeyArn: 'encryption at rest has no local effect',
  RecursiveLoop: 'recursion detection is not modelled locally',
};

/** The bundle of a function: the staged asset its bucket and key name, else the asset path CDK recorded. */
const codeOf = (
  context: BuildContext,
  site: ResolveSite,
  code: Record<string, unknown>,
  metadata: Readonly<Record<string, unknown>> | undefined,
): LocalFunctionCode | undefined => {
  if (typeof code.ZipFile === 'string') return { kind: 'inline', source: code.ZipFile };
  const bucket = stringOf(code.S3Bucket);
  const key = stringOf(code.S3Key);
  const staged = bucket === undefined || key === undefined ? undefined : context.asset(bucket, key)?.path;
  const recorded = stringOf(metadata?.['aws:asset:path']);
  const dir = staged ?? (recorded === undefined ? undefined : join(context.cdkOutDir, recorded));
  if (dir === undefined && !context.requireBundles && key !== undefined && code.ImageUri === undefined) {
    // A synthesis with bundling skipped records no asset path; CDK names the bundle after its key.
    return { kind: 'unbundled', dir: join(context.cdkOutDir, `asset.${key.replace(/\.zip$/, '')}`) };
  }
  if (dir === undefined) {
    context.report({
      stackName: context.stackName,
      ...site,
      what: 'property Code',
      reason:
        code.ImageUri === undefined
          ? `s3://${bucket}/${key} is not an asset of cdk.out`
          : 'container images are not run locally',
      disposition: 'unsupported',
    });
    return undefined;
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    if (!context.requireBundles) return { kind: 'unbundled', dir };
    throw new CdkOutError(
      'ASSET_MISSING',
      `${site.logicalId}: its bundle ${dir} is not a directory of cdk.out`,
      {
        path: dir,
        logicalId: site.logicalId,
      },
    );
  }
  return { kind: 'directory', dir };
};

/**
 * An `AWS::Lambda::Function` as the local host runs it: its bundle directory in cdk.out, handler, runtime,
 * environment with every reference resolved, timeout, memory, reserved concurrency and role. A function whose
 * code is not in cdk.out is listed as unsupported and left out.
 */
export function buildFunction(
  context: BuildContext,
  logicalId: string,
  resource: TemplateResource,
): LocalFunction | undefined {
  const site = { logicalId, type: resource.Type };
  const properties = recordOf(context.resolver.resolve(resource.Properties ?? {}, site));
  checkProperties(context, site, properties, HONOURED, IGNORED);
  const code = codeOf(context, site, recordOf(properties.Code), resource.Metadata);
  if (code === undefined) return undefined;
  const reference = context.resolver.reference(logicalId, site);
  const variables = recordOf(recordOf(properties.Environment).Variables);
  const architectures = Array.isArray(properties.Architectures) ? properties.Architectures : [];
  const deadLetter = stringOf(recordOf(properties.DeadLetterConfig).TargetArn);
  const concurrency = properties.ReservedConcurrentExecutions;
  return {
    stackName: context.stackName,
    logicalId,
    name: reference.name,
    arn: reference.attributes.Arn ?? '',
    handler: stringOf(properties.Handler) ?? 'index.handler',
    runtime: stringOf(properties.Runtime) ?? 'nodejs22.x',
    code,
    environment: Object.fromEntries(
      Object.entries(variables).map(([name, value]) => [
        name,
        typeof value === 'string' ? value : (stringOf(value) ?? JSON.stringify(value)),
      ]),
    ),
    timeoutSeconds: numberOr(properties.Timeout, 3),
    memoryMb: numberOr(properties.MemorySize, 128),
    architecture: architectures[0] === 'arm64' ? 'arm64' : 'x86_64',
    reservedConcurrency: concurrency === undefined ? undefined : numberOr(concurrency, 0),
    roleArn: stringOf(properties.Role),
    deadLetterTarget:
      deadLetter === undefined ? undefined : context.link(deadLetter, site, 'DeadLetterConfig'),
  };
}
