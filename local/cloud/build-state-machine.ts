import { readFileSync } from 'node:fs';
import type { TemplateResource } from '../cdk-out/cdk-out-template.js';
import { applySubstitutions } from '../stepfunctions/apply-substitutions.js';
import { type BuildContext, booleanOr, checkProperties, recordOf, stringOf } from './build-context.js';
import { CdkOutError } from './cdk-out-error.js';
import type { LocalStateMachine } from './local-deployment.js';
import type { ResolveSite } from './template-resolver.js';

const HONOURED = [
  'StateMachineName',
  'StateMachineType',
  'DefinitionString',
  'Definition',
  'DefinitionS3Location',
  'DefinitionSubstitutions',
  'LoggingConfiguration',
  'RoleArn',
];

const IGNORED = {
  TracingConfiguration: 'X-Ray tracing is not recorded locally',
  EncryptionConfiguration: 'encryption at rest has no local effect',
};

const LEVELS = ['ALL', 'ERROR', 'FATAL', 'OFF'] as const;

/** The ASL text: inline (`DefinitionString`, `Definition`) or the staged asset `DefinitionS3Location` names. */
const definitionText = (
  context: BuildContext,
  site: ResolveSite,
  properties: Record<string, unknown>,
): string => {
  if (typeof properties.DefinitionString === 'string') return properties.DefinitionString;
  if (properties.Definition !== undefined) return JSON.stringify(properties.Definition);
  const location = recordOf(properties.DefinitionS3Location);
  const asset = context.asset(String(location.Bucket), String(location.Key));
  if (asset === undefined) {
    throw new CdkOutError(
      'ASSET_MISSING',
      `${site.logicalId}: its definition is neither inline nor an asset of cdk.out`,
      {
        logicalId: site.logicalId,
      },
    );
  }
  return readFileSync(asset.path, 'utf8');
};

/**
 * An `AWS::StepFunctions::StateMachine` ready for the local engine: the definition with its substitutions
 * resolved and applied as CloudFormation applies them, parsed; type, logging level and role.
 */
export function buildStateMachine(
  context: BuildContext,
  logicalId: string,
  resource: TemplateResource,
): LocalStateMachine {
  const site = { logicalId, type: resource.Type };
  const properties = recordOf(context.resolver.resolve(resource.Properties ?? {}, site));
  checkProperties(context, site, properties, HONOURED, IGNORED);
  const reference = context.resolver.reference(logicalId, site);
  const substitutions = Object.fromEntries(
    Object.entries(recordOf(properties.DefinitionSubstitutions)).map(([name, value]) => [
      name,
      stringOf(value) ?? String(value),
    ]),
  );
  let definition: unknown;
  try {
    definition = applySubstitutions(reference.name, definitionText(context, site, properties), substitutions);
  } catch (cause) {
    if (cause instanceof CdkOutError) throw cause;
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new CdkOutError('CDK_OUT_INVALID', `${logicalId}: ${message}`, { logicalId, cause });
  }
  const logging = recordOf(properties.LoggingConfiguration);
  const level = LEVELS.find((candidate) => candidate === logging.Level) ?? 'OFF';
  return {
    stackName: context.stackName,
    logicalId,
    name: reference.name,
    arn: reference.ref,
    type: properties.StateMachineType === 'EXPRESS' ? 'EXPRESS' : 'STANDARD',
    definition,
    loggingLevel: level,
    includeExecutionData: booleanOr(logging.IncludeExecutionData, false),
    roleArn: stringOf(properties.RoleArn),
  };
}
