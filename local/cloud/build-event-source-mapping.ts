import type { EventPattern } from '../../lambdas/runtime/event-pattern/event-pattern.js';
import { checkEventPattern } from '../../lambdas/runtime/event-pattern/validate-event-pattern.js';
import type { TemplateResource } from '../cdk-out/cdk-out-template.js';
import {
  type BuildContext,
  booleanOr,
  checkProperties,
  destinationArn,
  numberOr,
  recordOf,
} from './build-context.js';
import { functionNameOf } from './build-event-invoke-config.js';
import { CdkOutError } from './cdk-out-error.js';
import type { LocalEventSourceMapping } from './local-deployment.js';
import type { ResolveSite } from './template-resolver.js';

const HONOURED = [
  'FunctionName',
  'EventSourceArn',
  'Enabled',
  'BatchSize',
  'MaximumBatchingWindowInSeconds',
  'StartingPosition',
  'FilterCriteria',
  'FunctionResponseTypes',
  'BisectBatchOnFunctionError',
  'MaximumRetryAttempts',
  'MaximumRecordAgeInSeconds',
  'ParallelizationFactor',
  'ScalingConfig',
  'DestinationConfig',
];

const filterOf = (site: ResolveSite, value: unknown): EventPattern => {
  const text = String(recordOf(value).Pattern);
  let pattern: EventPattern;
  try {
    pattern = JSON.parse(text) as EventPattern;
  } catch (cause) {
    throw new CdkOutError('CDK_OUT_INVALID', `${site.logicalId}: filter pattern is not JSON: ${text}`, {
      logicalId: site.logicalId,
      cause,
    });
  }
  const refusal = checkEventPattern(pattern);
  if (refusal !== undefined) {
    throw new CdkOutError(
      'CDK_OUT_INVALID',
      `${site.logicalId}: Lambda refuses its filter ${text}: ${refusal.message}`,
      {
        logicalId: site.logicalId,
        cause: refusal,
      },
    );
  }
  return pattern;
};

/** -1 is AWS's "no limit". */
const limit = (value: unknown): number | undefined => {
  const number = numberOr(value, -1);
  return number < 0 ? undefined : number;
};

/**
 * An `AWS::Lambda::EventSourceMapping` from a table's stream or a queue: batch size (AWS's default 100 for
 * streams, 10 for queues), batching window, starting position, filters, partial batch responses, bisection,
 * retries, record age and the on-failure destination.
 */
export function buildEventSourceMapping(
  context: BuildContext,
  logicalId: string,
  resource: TemplateResource,
): LocalEventSourceMapping {
  const site = { logicalId, type: resource.Type };
  const properties = recordOf(context.resolver.resolve(resource.Properties ?? {}, site));
  checkProperties(context, site, properties, HONOURED);
  const source = context.link(String(properties.EventSourceArn), site, 'EventSourceArn');
  const onFailure = destinationArn(properties.DestinationConfig, 'OnFailure');
  const position = properties.StartingPosition;
  const filters = recordOf(properties.FilterCriteria).Filters;
  const responseTypes = Array.isArray(properties.FunctionResponseTypes)
    ? properties.FunctionResponseTypes
    : [];
  const concurrency = recordOf(properties.ScalingConfig).MaximumConcurrency;
  return {
    stackName: context.stackName,
    logicalId,
    functionName: functionNameOf(context, site, properties.FunctionName),
    source,
    enabled: booleanOr(properties.Enabled, true),
    batchSize: numberOr(properties.BatchSize, source.kind === 'queue' ? 10 : 100),
    maximumBatchingWindowSeconds: numberOr(properties.MaximumBatchingWindowInSeconds, 0),
    startingPosition:
      position === 'TRIM_HORIZON' || position === 'LATEST' || position === 'AT_TIMESTAMP'
        ? position
        : undefined,
    filters: (Array.isArray(filters) ? filters : []).map((filter) => filterOf(site, filter)),
    reportBatchItemFailures: responseTypes.includes('ReportBatchItemFailures'),
    bisectBatchOnFunctionError: booleanOr(properties.BisectBatchOnFunctionError, false),
    maximumRetryAttempts: limit(properties.MaximumRetryAttempts),
    maximumRecordAgeSeconds: limit(properties.MaximumRecordAgeInSeconds),
    parallelizationFactor: numberOr(properties.ParallelizationFactor, 1),
    maximumConcurrency: concurrency === undefined ? undefined : numberOr(concurrency, 2),
    onFailure:
      onFailure === undefined ? undefined : context.link(onFailure, site, 'DestinationConfig.OnFailure'),
  };
}
