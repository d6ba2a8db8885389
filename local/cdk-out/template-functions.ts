import { resolve } from 'node:path';
import { localDeploymentOf, templateStack } from '../cloud/load-local-deployment.js';
import type { LocalDeployment } from '../cloud/local-deployment.js';
import type { CdkTemplate } from './cdk-out-template.js';

/** A Lambda function of a synthesized template, with what a cold start of it depends on. */
export interface TemplateFunction {
  readonly logicalId: string;
  /** The physical name: `FunctionName`, or the name CloudFormation would generate. */
  readonly functionName: string;
  readonly memoryMb: number;
  readonly architecture: string;
  /** The bundled asset directory (`cdk.out/asset.<hash>`), when the synthesis bundled the code. */
  readonly assetDir: string | undefined;
  /** The environment with every CloudFormation reference resolved as the local cloud resolves it. */
  readonly environment: Readonly<Record<string, string>>;
}

/**
 * Every `AWS::Lambda::Function` of the template: name, memory, architecture, bundled asset and environment,
 * read through the local cloud's loader (so references resolve to the local names, ARNs and URLs), from a
 * template in memory whose bundles may be absent (a synthesis with bundling skipped).
 *
 * @example
 * ```ts
 * for (const fn of templateFunctions(template, 'cdk.out')) console.log(fn.functionName, fn.memoryMb);
 * ```
 */
export function templateFunctions(
  template: CdkTemplate,
  cdkOutDir: string,
  stackName = 'AgentBridge',
): TemplateFunction[] {
  const dir = resolve(cdkOutDir);
  return deployedFunctions(
    localDeploymentOf([templateStack(template, stackName, dir)], dir, { requireBundles: false }),
  );
}

/** The functions of a loaded deployment, as {@link templateFunctions} describes them. */
export function deployedFunctions(deployment: LocalDeployment): TemplateFunction[] {
  return deployment.functions.map((fn) => ({
    logicalId: fn.logicalId,
    functionName: fn.name,
    memoryMb: fn.memoryMb,
    architecture: fn.architecture,
    assetDir: fn.code.kind === 'directory' ? fn.code.dir : undefined,
    environment: fn.environment,
  }));
}
