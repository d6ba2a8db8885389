import type { TemplateResource } from '../cdk-out/cdk-out-template.js';
import { assetIndex, type BuildContext } from './build-context.js';
import { buildEventInvokeConfig } from './build-event-invoke-config.js';
import { buildEventSourceMapping } from './build-event-source-mapping.js';
import { buildFunction } from './build-function.js';
import { buildQueue } from './build-queue.js';
import { buildEventBus, buildRule } from './build-rule.js';
import { buildStateMachine } from './build-state-machine.js';
import { buildTable } from './build-table.js';
import type { LocalDeployment, LocalLink } from './local-deployment.js';
import { IGNORED_RESOURCE_TYPES, type NotModelledEntry } from './not-modelled.js';
import type { PreparedStack } from './prepare-stacks.js';

/** The model's lists, filled stack by stack. */
export type DeploymentEntries = {
  -readonly [Kind in Exclude<
    keyof LocalDeployment,
    'cdkOutDir' | 'stacks' | 'notModelled'
  >]: LocalDeployment[Kind][number][];
};

type Builder = (
  context: BuildContext,
  logicalId: string,
  resource: TemplateResource,
  into: DeploymentEntries,
) => void;

const BUILDERS: Readonly<Record<string, Builder>> = {
  'AWS::DynamoDB::Table': (context, id, resource, into) =>
    void into.tables.push(buildTable(context, id, resource)),
  'AWS::SQS::Queue': (context, id, resource, into) =>
    void into.queues.push(buildQueue(context, id, resource)),
  'AWS::Events::EventBus': (context, id, resource, into) =>
    void into.eventBuses.push(buildEventBus(context, id, resource)),
  'AWS::Events::Rule': (context, id, resource, into) =>
    void into.rules.push(buildRule(context, id, resource)),
  'AWS::Lambda::Function': (context, id, resource, into) => {
    const fn = buildFunction(context, id, resource);
    if (fn !== undefined) into.functions.push(fn);
  },
  'AWS::Lambda::EventInvokeConfig': (context, id, resource, into) =>
    void into.eventInvokeConfigs.push(buildEventInvokeConfig(context, id, resource)),
  'AWS::Lambda::EventSourceMapping': (context, id, resource, into) =>
    void into.eventSourceMappings.push(buildEventSourceMapping(context, id, resource)),
  'AWS::StepFunctions::StateMachine': (context, id, resource, into) =>
    void into.stateMachines.push(buildStateMachine(context, id, resource)),
};

/** Where the builders of one stack write, and what they may look up. */
export interface StackBuild {
  readonly cdkOutDir: string;
  readonly requireBundles: boolean;
  readonly links: ReadonlyMap<string, LocalLink>;
  readonly report: (entry: NotModelledEntry) => void;
  readonly into: DeploymentEntries;
}

/**
 * Builds the model entries of one prepared stack, and lists every resource, container image and template
 * rule it does not build (ignored on purpose or unsupported).
 */
export function buildStack({ stack, resolver, local }: PreparedStack, build: StackBuild): void {
  const { report, links } = build;
  const stackName = stack.stackName;
  const context: BuildContext = {
    stackName,
    identity: local.identity,
    resolver,
    cdkOutDir: build.cdkOutDir,
    requireBundles: build.requireBundles,
    asset: assetIndex(stack.fileAssets, local.identity),
    report,
    link: (arn, site, what) => {
      // A qualified function ARN (`…:function:name:alias`) names the function; only $LATEST runs.
      const parts = arn.split(':');
      const unqualified = parts[2] === 'lambda' && parts.length === 8 ? parts.slice(0, 7).join(':') : arn;
      const found = links.get(unqualified);
      if (found !== undefined && unqualified !== arn && parts[7] !== '$LATEST') {
        const reason = `the qualifier ${parts[7]} is not modelled: $LATEST runs`;
        report({ stackName, ...site, what, reason, disposition: 'unsupported' });
      }
      if (found !== undefined) return found;
      const reason = 'not a resource of the deployment';
      report({ stackName, ...site, what: `${what} ${arn}`, reason, disposition: 'unsupported' });
      return { kind: 'external', arn, name: arn };
    },
  };
  for (const image of stack.dockerImageAssets) {
    const reason = 'container images are not built or run locally';
    report({
      stackName,
      logicalId: image,
      type: 'container image asset',
      what: 'asset',
      reason,
      disposition: 'unsupported',
    });
  }
  for (const name of Object.keys(stack.template.Rules ?? {})) {
    const reason =
      'template rules check the target account (bootstrap version), which a local cloud has none of';
    report({
      stackName,
      logicalId: name,
      type: 'template rule',
      what: 'assertion',
      reason,
      disposition: 'ignored',
    });
  }
  for (const [logicalId, resource] of Object.entries(stack.template.Resources)) {
    if (!resolver.exists(resource)) continue;
    const builder = BUILDERS[resource.Type];
    if (builder !== undefined) {
      builder(context, logicalId, resource, build.into);
      continue;
    }
    const ignored = IGNORED_RESOURCE_TYPES[resource.Type];
    report({
      stackName,
      logicalId,
      type: resource.Type,
      what: 'resource',
      reason: ignored ?? 'this resource type is not run locally',
      disposition: ignored === undefined ? 'unsupported' : 'ignored',
    });
  }
}
