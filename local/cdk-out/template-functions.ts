import { join } from 'node:path';
import { type CdkTemplate, resourcesOfType } from './cdk-out-template.js';

/** A Lambda function of a synthesized template, with what a cold start of it depends on. */
export interface TemplateFunction {
  readonly logicalId: string;
  /** The physical name (`FunctionName`), or the logical id when the template leaves it to CloudFormation. */
  readonly functionName: string;
  readonly memoryMb: number;
  readonly architecture: string;
  /** The bundled asset directory (`cdk.out/asset.<hash>`), when the synthesis bundled the code. */
  readonly assetDir: string | undefined;
  /** The environment with every CloudFormation reference replaced by a stand-in of the same shape. */
  readonly environment: Readonly<Record<string, string>>;
}

/**
 * A stand-in for a CloudFormation reference in an environment variable: a name for `Ref`, an ARN for
 * `Fn::GetAtt …Arn`, a queue URL for a queue's `Ref` (the code reads them as such; no value is ever called).
 */
const standIn = (value: unknown, resources: CdkTemplate['Resources']): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value !== null && typeof value === 'object') {
    const ref = (value as { Ref?: unknown }).Ref;
    if (typeof ref === 'string') {
      return resources[ref]?.Type === 'AWS::SQS::Queue'
        ? `https://sqs.us-east-1.amazonaws.com/000000000000/${ref}`
        : ref;
    }
    const attribute = (value as { 'Fn::GetAtt'?: unknown })['Fn::GetAtt'];
    if (Array.isArray(attribute)) return `arn:aws:local:us-east-1:000000000000:${attribute.join('/')}`;
  }
  return JSON.stringify(value);
};

/**
 * Every `AWS::Lambda::Function` of the template: name, memory, architecture, bundled asset and environment.
 *
 * @example
 * ```ts
 * for (const fn of templateFunctions(template, 'cdk.out')) console.log(fn.functionName, fn.memoryMb);
 * ```
 */
export function templateFunctions(template: CdkTemplate, cdkOutDir: string): TemplateFunction[] {
  return resourcesOfType(template, 'AWS::Lambda::Function').map(({ logicalId, resource }) => {
    const properties = resource.Properties ?? {};
    const variables =
      (properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
    const asset = resource.Metadata?.['aws:asset:path'];
    const architectures = properties.Architectures as string[] | undefined;
    return {
      logicalId,
      functionName: typeof properties.FunctionName === 'string' ? properties.FunctionName : logicalId,
      memoryMb: typeof properties.MemorySize === 'number' ? properties.MemorySize : 128,
      architecture: architectures?.[0] ?? 'x86_64',
      assetDir: typeof asset === 'string' ? join(cdkOutDir, asset) : undefined,
      environment: Object.fromEntries(
        Object.entries(variables).map(([name, value]) => [name, standIn(value, template.Resources)]),
      ),
    };
  });
}
