import { resolve } from 'node:path';
import { assetIndex, type BuildContext, stringOf } from './build-context.js';
import { buildEventInvokeConfig } from './build-event-invoke-config.js';
import { buildEventSourceMapping } from './build-event-source-mapping.js';
import { buildFunction } from './build-function.js';
import { buildQueue } from './build-queue.js';
import { buildEventBus, buildRule } from './build-rule.js';
import { buildStateMachine } from './build-state-machine.js';
import { buildTable } from './build-table.js';
import { CdkOutError } from './cdk-out-error.js';
import { type AssemblyStack, readCloudAssembly } from './cloud-assembly.js';
import type { LocalDeployment, LocalLink, LocalStack } from './local-deployment.js';
import { type LocalIdentity, localArn, localIdentity } from './local-identity.js';
import { IGNORED_RESOURCE_TYPES, type NotModelledEntry } from './not-modelled.js';
import { TemplateResolver } from './template-resolver.js';

/** How to load a cdk.out. */
export interface LoadLocalDeploymentOptions {
  /** The account, region and endpoints of the local cloud (defaults: 000000000000, us-east-1). */
  readonly identity?: Partial<LocalIdentity>;
  /** Values for template parameters, over their defaults (every stack). */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Only these stacks (by stack name); all by default. */
  readonly stacks?: readonly string[];
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
  const identity = localIdentity(options.identity);
  const selected = readCloudAssembly(dir).filter(
    (stack) => options.stacks === undefined || options.stacks.includes(stack.stackName),
  );
  const notModelled = new Map<string, NotModelledEntry>();
  const report = (entry: NotModelledEntry): void => {
    notModelled.set([entry.stackName, entry.logicalId, entry.what, entry.reason].join('\u0000'), entry);
  };
  const links = new Map<string, LocalLink>();
  const exports = new Map<string, unknown>();
  const prepared = inDependencyOrder(selected).map((stack) => {
    const stackIdentity: LocalIdentity = {
      ...identity,
      ...(stack.environment.account === undefined ? {} : { accountId: stack.environment.account }),
      ...(stack.environment.region === undefined ? {} : { region: stack.environment.region }),
    };
    const resolver = new TemplateResolver({
      stackName: stack.stackName,
      template: stack.template,
      identity: stackIdentity,
      parameters: options.parameters ?? {},
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
    return {
      stack,
      resolver,
      stack_: {
        stackName: stack.stackName,
        templateFile: stack.templateFile,
        identity: stackIdentity,
        outputs,
      } satisfies LocalStack,
    };
  });
  const defaultBus = localArn(identity, 'events', 'event-bus/default');
  if (!links.has(defaultBus)) links.set(defaultBus, { kind: 'eventBus', arn: defaultBus, name: 'default' });

  const deployment = {
    cdkOutDir: dir,
    stacks: prepared.map((entry) => entry.stack_),
    tables: [] as LocalDeployment['tables'][number][],
    eventBuses: [] as LocalDeployment['eventBuses'][number][],
    rules: [] as LocalDeployment['rules'][number][],
    queues: [] as LocalDeployment['queues'][number][],
    functions: [] as LocalDeployment['functions'][number][],
    eventInvokeConfigs: [] as LocalDeployment['eventInvokeConfigs'][number][],
    eventSourceMappings: [] as LocalDeployment['eventSourceMappings'][number][],
    stateMachines: [] as LocalDeployment['stateMachines'][number][],
  };
  for (const { stack, resolver, stack_ } of prepared) {
    const context: BuildContext = {
      stackName: stack.stackName,
      identity: stack_.identity,
      resolver,
      cdkOutDir: dir,
      asset: assetIndex(stack.fileAssets, stack_.identity),
      report,
      link: (arn, site, what) => {
        const parts = arn.split(':');
        const unqualified = parts[2] === 'lambda' && parts.length === 8 ? parts.slice(0, 7).join(':') : arn;
        const found = links.get(unqualified);
        if (found !== undefined && unqualified !== arn && parts[7] !== '$LATEST') {
          report({
            stackName: stack.stackName,
            ...site,
            what,
            reason: `the qualifier ${parts[7]} is not modelled: $LATEST runs`,
            disposition: 'unsupported',
          });
        }
        if (found !== undefined) return found;
        report({
          stackName: stack.stackName,
          ...site,
          what: `${what} ${arn}`,
          reason: 'not a resource of the deployment',
          disposition: 'unsupported',
        });
        return { kind: 'external', arn, name: arn };
      },
    };
    for (const image of stack.dockerImageAssets) {
      report({
        stackName: stack.stackName,
        logicalId: image,
        type: 'container image asset',
        what: 'asset',
        reason: 'container images are not built or run locally',
        disposition: 'unsupported',
      });
    }
    for (const name of Object.keys(stack.template.Rules ?? {})) {
      report({
        stackName: stack.stackName,
        logicalId: name,
        type: 'template rule',
        what: 'assertion',
        reason:
          'template rules check the target account (bootstrap version), which a local cloud has none of',
        disposition: 'ignored',
      });
    }
    for (const [logicalId, resource] of Object.entries(stack.template.Resources)) {
      if (!resolver.exists(resource)) continue;
      switch (resource.Type) {
        case 'AWS::DynamoDB::Table':
          deployment.tables.push(buildTable(context, logicalId, resource));
          break;
        case 'AWS::SQS::Queue':
          deployment.queues.push(buildQueue(context, logicalId, resource));
          break;
        case 'AWS::Events::EventBus':
          deployment.eventBuses.push(buildEventBus(context, logicalId, resource));
          break;
        case 'AWS::Events::Rule':
          deployment.rules.push(buildRule(context, logicalId, resource));
          break;
        case 'AWS::Lambda::Function': {
          const fn = buildFunction(context, logicalId, resource);
          if (fn !== undefined) deployment.functions.push(fn);
          break;
        }
        case 'AWS::Lambda::EventInvokeConfig':
          deployment.eventInvokeConfigs.push(buildEventInvokeConfig(context, logicalId, resource));
          break;
        case 'AWS::Lambda::EventSourceMapping':
          deployment.eventSourceMappings.push(buildEventSourceMapping(context, logicalId, resource));
          break;
        case 'AWS::StepFunctions::StateMachine':
          deployment.stateMachines.push(buildStateMachine(context, logicalId, resource));
          break;
        default: {
          const ignored = IGNORED_RESOURCE_TYPES[resource.Type];
          report({
            stackName: stack.stackName,
            logicalId,
            type: resource.Type,
            what: 'resource',
            reason: ignored ?? 'this resource type is not run locally',
            disposition: ignored === undefined ? 'unsupported' : 'ignored',
          });
        }
      }
    }
  }
  if (!deployment.eventBuses.some((bus) => bus.name === 'default')) {
    deployment.eventBuses.push({ name: 'default', arn: defaultBus, origin: undefined });
  }
  return { ...deployment, notModelled: [...notModelled.values()] };
}
