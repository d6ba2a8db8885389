import type { Template } from 'aws-cdk-lib/assertions';

/** A CloudFormation resource as it appears in a synthesized template. */
export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}

/** One IAM policy statement as CDK renders it (single values are not wrapped in arrays). */
export interface CfnStatement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, unknown>;
}

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Every resource of one type, by logical id. */
export function resourcesOfType(template: Template, type: string): Record<string, CfnResource> {
  return template.findResources(type) as Record<string, CfnResource>;
}

/** The logical id a `Ref` or `Fn::GetAtt` points at, or undefined for anything else. */
export function referencedLogicalId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if ('Ref' in value && typeof value.Ref === 'string') return value.Ref;
  if ('Fn::GetAtt' in value && Array.isArray(value['Fn::GetAtt'])) {
    const [logicalId] = value['Fn::GetAtt'];
    return typeof logicalId === 'string' ? logicalId : undefined;
  }
  return undefined;
}

/** Every logical id mentioned anywhere inside a value (for `Fn::Join`-built ARNs such as `<table>/index/x`). */
export function mentionedLogicalIds(value: unknown): string[] {
  const direct = referencedLogicalId(value);
  if (direct !== undefined) return [direct];
  if (Array.isArray(value)) return value.flatMap(mentionedLogicalIds);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(mentionedLogicalIds);
  return [];
}

/** The statements of every `AWS::IAM::Policy` attached to a role, by the role's logical id. */
export function statementsOfRole(template: Template, roleLogicalId: string): CfnStatement[] {
  return Object.values(resourcesOfType(template, 'AWS::IAM::Policy'))
    .filter((policy) =>
      asArray(policy.Properties?.Roles ?? []).some((role) => referencedLogicalId(role) === roleLogicalId),
    )
    .flatMap((policy) => {
      const document = policy.Properties?.PolicyDocument as { Statement: CfnStatement[] };
      return document.Statement;
    });
}

/** A statement's actions as an array. */
export const actionsOf = (statement: CfnStatement): string[] => asArray(statement.Action);

/** A statement's resources as an array. */
export const resourcesOf = (statement: CfnStatement): unknown[] => asArray(statement.Resource);

/** An EventBridge rule's targets (empty when it has none). */
export function targetsOf(rule: CfnResource): Record<string, unknown>[] {
  return (rule.Properties?.Targets ?? []) as Record<string, unknown>[];
}

/** A function's environment variables (empty when it has none). */
export function environmentOf(fn: CfnResource): Record<string, unknown> {
  const environment = fn.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined;
  return environment?.Variables ?? {};
}

/** The logical id of the role a function runs as. */
export function roleOfFunction(fn: CfnResource): string {
  const roleId = referencedLogicalId(fn.Properties?.Role);
  if (roleId === undefined) throw new Error('function has no role reference');
  return roleId;
}

/**
 * A state machine's definition as CloudFormation will deploy it: the `DefinitionString` (literal or
 * `Fn::Join`) with every `DefinitionSubstitutions` key replaced by a marker naming it.
 */
export function renderedDefinition(stateMachine: CfnResource): string {
  const raw = stateMachine.Properties?.DefinitionString;
  const text =
    typeof raw === 'string'
      ? raw
      : ((raw as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1] ?? [])
          .map((part) => (typeof part === 'string' ? part : `<token:${JSON.stringify(part)}>`))
          .join('');
  const substitutions = (stateMachine.Properties?.DefinitionSubstitutions ?? {}) as Record<string, unknown>;
  return Object.keys(substitutions).reduce(
    (definition, key) => definition.replaceAll(`\${${key}}`, `<${key}>`),
    text,
  );
}
