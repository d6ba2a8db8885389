import type { TemplateResource } from '../cdk-out/cdk-out-template.js';
import {
  type BuildContext,
  checkProperties,
  destinationArn,
  numberOr,
  recordOf,
  stringOf,
} from './build-context.js';
import type { LocalEventInvokeConfig } from './local-deployment.js';
import { localArn } from './local-identity.js';
import type { ResolveSite } from './template-resolver.js';

/** A function reference as templates give it (name, ARN or partial ARN) → the function's local name. */
export function functionNameOf(context: BuildContext, site: ResolveSite, value: unknown): string {
  const text = String(value);
  const arn = text.startsWith('arn:')
    ? text
    : localArn(context.identity, 'lambda', `function:${text.split(':').pop()}`);
  return context.link(arn.split(':').slice(0, 7).join(':'), site, 'FunctionName').name;
}

/**
 * An `AWS::Lambda::EventInvokeConfig`: how many times a function's async events are retried (AWS's default
 * 2), how old they may get (6 h) and where they go after, on failure and on success.
 */
export function buildEventInvokeConfig(
  context: BuildContext,
  logicalId: string,
  resource: TemplateResource,
): LocalEventInvokeConfig {
  const site = { logicalId, type: resource.Type };
  const properties = recordOf(context.resolver.resolve(resource.Properties ?? {}, site));
  checkProperties(context, site, properties, [
    'FunctionName',
    'Qualifier',
    'MaximumRetryAttempts',
    'MaximumEventAgeInSeconds',
    'DestinationConfig',
  ]);
  const onFailure = destinationArn(properties.DestinationConfig, 'OnFailure');
  const onSuccess = destinationArn(properties.DestinationConfig, 'OnSuccess');
  return {
    stackName: context.stackName,
    logicalId,
    functionName: functionNameOf(context, site, properties.FunctionName),
    qualifier: stringOf(properties.Qualifier) ?? '$LATEST',
    maximumRetryAttempts: numberOr(properties.MaximumRetryAttempts, 2),
    maximumEventAgeSeconds: numberOr(properties.MaximumEventAgeInSeconds, 21_600),
    onFailure:
      onFailure === undefined ? undefined : context.link(onFailure, site, 'DestinationConfig.OnFailure'),
    onSuccess:
      onSuccess === undefined ? undefined : context.link(onSuccess, site, 'DestinationConfig.OnSuccess'),
  };
}
