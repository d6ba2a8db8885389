import { stringOf } from './build-context.js';
import { CdkOutError } from './cdk-out-error.js';
import type { AssemblyStack } from './cloud-assembly.js';
import type { LocalLink, LocalStack } from './local-deployment.js';
import { type LocalIdentity, localArn } from './local-identity.js';
import type { NotModelledEntry } from './not-modelled.js';
import { TemplateResolver } from './template-resolver.js';

/** A stack with its resolver and resolved outputs, ready for its resources to be built. */
export interface PreparedStack {
  readonly stack: AssemblyStack;
  readonly resolver: TemplateResolver;
  readonly local: LocalStack;
}

/** The resource types that link by ARN, and the attribute holding it. */
const LINKED: Readonly<Record<string, { kind: LocalLink['kind']; attribute: string }>> = {
  'AWS::Lambda::Function': { kind: 'function', attribute: 'Arn' },
  'AWS::SQS::Queue': { kind: 'queue', attribute: 'Arn' },
  'AWS::StepFunctions::StateMachine': { kind: 'stateMachine', attribute: 'Arn' },
  'AWS::Events::EventBus': { kind: 'eventBus', attribute: 'Arn' },
  'AWS::DynamoDB::Table': { kind: 'tableStream', attribute: 'StreamArn' },
};

/** Stacks after the stacks they depend on, so exports exist before `Fn::ImportValue` reads them. */
const inDependencyOrder = (stacks: readonly AssemblyStack[]): AssemblyStack[] => {
  const ordered: AssemblyStack[] = [];
  const visit = (stack: AssemblyStack, path: readonly string[]): void => {
    if (ordered.includes(stack)) return;
    if (path.includes(stack.artifactId)) {
      throw new CdkOutError(
        'CDK_OUT_INVALID',
        `stacks depend on each other: ${[...path, stack.artifactId].join(' → ')}`,
      );
    }
    for (const id of stack.dependencies) {
      const dependency = stacks.find((candidate) => candidate.artifactId === id);
      if (dependency !== undefined) visit(dependency, [...path, stack.artifactId]);
    }
    ordered.push(stack);
  };
  for (const stack of stacks) visit(stack, []);
  return ordered;
};

/**
 * Names every resource of every stack (in dependency order, exports before imports) and indexes the ARNs
 * that targets, destinations and mappings point at, the account's `default` bus included. A stack pinned to
 * an account or region keeps it; the others take the local identity.
 */
export function prepareStacks(
  stacks: readonly AssemblyStack[],
  identity: LocalIdentity,
  parameters: Readonly<Record<string, string>>,
  report: (entry: NotModelledEntry) => void,
): { prepared: PreparedStack[]; links: Map<string, LocalLink> } {
  const links = new Map<string, LocalLink>();
  const exports = new Map<string, unknown>();
  const prepared = inDependencyOrder(stacks).map((stack) => {
    const stackIdentity: LocalIdentity = {
      ...identity,
      ...(stack.environment.account === undefined ? {} : { accountId: stack.environment.account }),
      ...(stack.environment.region === undefined ? {} : { region: stack.environment.region }),
    };
    const resolver = new TemplateResolver({
      stackName: stack.stackName,
      template: stack.template,
      identity: stackIdentity,
      parameters,
      exports,
      report,
    });
    for (const [logicalId, resource] of Object.entries(stack.template.Resources)) {
      const linked = LINKED[resource.Type];
      if (linked === undefined || !resolver.exists(resource)) continue;
      const reference = resolver.reference(logicalId, { logicalId, type: resource.Type });
      const arn = reference.attributes[linked.attribute];
      if (arn !== undefined) links.set(arn, { kind: linked.kind, arn, name: reference.name });
    }
    const outputs: Record<string, string> = {};
    for (const [name, output] of Object.entries(stack.template.Outputs ?? {})) {
      if (output.Condition !== undefined && !resolver.condition(output.Condition)) continue;
      const site = { logicalId: name, type: 'Output' };
      const value = resolver.resolve(output.Value, site);
      outputs[name] = stringOf(value) ?? JSON.stringify(value);
      if (output.Export !== undefined) exports.set(String(resolver.resolve(output.Export.Name, site)), value);
    }
    const local = {
      stackName: stack.stackName,
      templateFile: stack.templateFile,
      identity: stackIdentity,
      outputs,
    };
    return { stack, resolver, local };
  });
  const defaultBus = localArn(identity, 'events', 'event-bus/default');
  if (!links.has(defaultBus)) links.set(defaultBus, { kind: 'eventBus', arn: defaultBus, name: 'default' });
  return { prepared, links };
}
