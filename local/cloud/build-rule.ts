import type { EventPattern } from '../../lambdas/runtime/event-pattern/event-pattern.js';
import { checkEventPattern } from '../../lambdas/runtime/event-pattern/validate-event-pattern.js';
import type { TemplateResource } from '../cdk-out/cdk-out-template.js';
import { type BuildContext, checkProperties, numberOr, recordOf, stringOf } from './build-context.js';
import { CdkOutError } from './cdk-out-error.js';
import { ratePeriodMs } from './events/schedule-rules.js';
import type { LocalEventBus, LocalRule, LocalRuleTarget } from './local-deployment.js';
import type { ResolveSite } from './template-resolver.js';

const RULE_PROPERTIES = ['Name', 'EventBusName', 'EventPattern', 'ScheduleExpression', 'State', 'Targets'];
const TARGET_PROPERTIES = [
  'Id',
  'Arn',
  'Input',
  'InputPath',
  'InputTransformer',
  'DeadLetterConfig',
  'RetryPolicy',
  'RoleArn',
  'SqsParameters',
];

/** An `AWS::Events::EventBus`; its policy and archives are other resource types. */
export function buildEventBus(
  context: BuildContext,
  logicalId: string,
  resource: TemplateResource,
): LocalEventBus {
  const site = { logicalId, type: resource.Type };
  const properties = recordOf(context.resolver.resolve(resource.Properties ?? {}, site));
  checkProperties(context, site, properties, ['Name'], {
    KmsKeyIdentifier: 'encryption at rest has no local effect',
  });
  const reference = context.resolver.reference(logicalId, site);
  return {
    name: reference.name,
    arn: reference.attributes.Arn ?? '',
    origin: { stackName: context.stackName, logicalId },
  };
}

const patternOf = (value: unknown, site: ResolveSite): EventPattern | undefined => {
  if (value === undefined) return undefined;
  let pattern: unknown = value;
  if (typeof value === 'string') {
    try {
      pattern = JSON.parse(value);
    } catch (cause) {
      throw new CdkOutError('CDK_OUT_INVALID', `${site.logicalId}: EventPattern is not JSON`, {
        logicalId: site.logicalId,
        cause,
      });
    }
  }
  const refusal = checkEventPattern(pattern as EventPattern);
  if (refusal !== undefined) {
    throw new CdkOutError(
      'CDK_OUT_INVALID',
      `${site.logicalId}: EventBridge refuses its pattern: ${refusal.message}`,
      {
        logicalId: site.logicalId,
        cause: refusal,
      },
    );
  }
  return pattern as EventPattern;
};

const target = (context: BuildContext, site: ResolveSite, value: unknown): LocalRuleTarget => {
  const properties = recordOf(value);
  const id = String(properties.Id);
  checkProperties(
    context,
    { ...site, logicalId: `${site.logicalId}.Targets[${id}]` },
    properties,
    TARGET_PROPERTIES,
  );
  const transformer =
    properties.InputTransformer === undefined ? undefined : recordOf(properties.InputTransformer);
  const dlq = stringOf(recordOf(properties.DeadLetterConfig).Arn);
  const retry = recordOf(properties.RetryPolicy);
  return {
    id,
    destination: context.link(String(properties.Arn), site, `target ${id}`),
    input: stringOf(properties.Input),
    inputPath: stringOf(properties.InputPath),
    inputTransformer:
      transformer === undefined
        ? undefined
        : {
            inputPathsMap: Object.fromEntries(
              Object.entries(recordOf(transformer.InputPathsMap)).map(([name, path]) => [name, String(path)]),
            ),
            inputTemplate: String(transformer.InputTemplate),
          },
    deadLetterQueue:
      dlq === undefined ? undefined : context.link(dlq, site, `target ${id} dead-letter queue`),
    retryPolicy: {
      maximumRetryAttempts: numberOr(retry.MaximumRetryAttempts, 185),
      maximumEventAgeSeconds: numberOr(retry.MaximumEventAgeInSeconds, 86_400),
    },
    roleArn: stringOf(properties.RoleArn),
    messageGroupId: stringOf(recordOf(properties.SqsParameters).MessageGroupId),
  };
};

/**
 * An `AWS::Events::Rule`: its bus, pattern (checked as PutRule checks it), state and targets with their
 * input shaping, dead-letter queue and retry policy (AWS's defaults when absent).
 */
export function buildRule(context: BuildContext, logicalId: string, resource: TemplateResource): LocalRule {
  const site = { logicalId, type: resource.Type };
  const properties = recordOf(context.resolver.resolve(resource.Properties ?? {}, site));
  checkProperties(context, site, properties, RULE_PROPERTIES);
  const reference = context.resolver.reference(logicalId, site);
  const bus = stringOf(properties.EventBusName) ?? 'default';
  const state = properties.State;
  const scheduleExpression = stringOf(properties.ScheduleExpression);
  if (scheduleExpression !== undefined && ratePeriodMs(scheduleExpression) === undefined) {
    context.report({
      stackName: context.stackName,
      ...site,
      what: `property ScheduleExpression ${scheduleExpression}`,
      reason: 'only rate(…) schedules run locally; cron expressions never fire',
      disposition: 'unsupported',
    });
  }
  return {
    stackName: context.stackName,
    logicalId,
    name: reference.name,
    arn: reference.attributes.Arn ?? '',
    eventBusName: bus.split('event-bus/')[1] ?? bus,
    eventPattern: patternOf(properties.EventPattern, site),
    scheduleExpression,
    state:
      state === 'DISABLED' || state === 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS' ? state : 'ENABLED',
    targets: (Array.isArray(properties.Targets) ? properties.Targets : []).map((value) =>
      target(context, site, value),
    ),
  };
}
