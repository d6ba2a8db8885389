import type { TemplateResource } from '../cdk-out/cdk-out-template.js';
import {
  type BuildContext,
  booleanOr,
  checkProperties,
  numberOr,
  recordOf,
  stringOf,
} from './build-context.js';
import type { LocalQueue } from './local-deployment.js';

const HONOURED = [
  'QueueName',
  'FifoQueue',
  'ContentBasedDeduplication',
  'VisibilityTimeout',
  'MessageRetentionPeriod',
  'DelaySeconds',
  'ReceiveMessageWaitTimeSeconds',
  'MaximumMessageSize',
  'RedrivePolicy',
];

const IGNORED = {
  SqsManagedSseEnabled: 'encryption at rest has no local effect',
  KmsMasterKeyId: 'encryption at rest has no local effect',
  KmsDataKeyReusePeriodSeconds: 'encryption at rest has no local effect',
  RedriveAllowPolicy: 'resource policies are not enforced locally',
};

/** The redrive policy is JSON text or an object in a template; either way the same fields. */
const redriveOf = (value: unknown): Record<string, unknown> | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return recordOf(value);
  try {
    return recordOf(JSON.parse(value));
  } catch {
    return {};
  }
};

/**
 * An `AWS::SQS::Queue` with AWS's defaults for what the template leaves out (30 s visibility, 4 days'
 * retention) and its redrive policy linked to the dead-letter queue of the deployment.
 */
export function buildQueue(context: BuildContext, logicalId: string, resource: TemplateResource): LocalQueue {
  const site = { logicalId, type: resource.Type };
  const properties = recordOf(context.resolver.resolve(resource.Properties ?? {}, site));
  checkProperties(context, site, properties, HONOURED, IGNORED);
  const reference = context.resolver.reference(logicalId, site);
  const redrive = redriveOf(properties.RedrivePolicy);
  const target = stringOf(redrive?.deadLetterTargetArn);
  const tags = Object.fromEntries(
    (Array.isArray(properties.Tags) ? properties.Tags : []).flatMap((tag: unknown) => {
      const { Key, Value } = recordOf(tag);
      return typeof Key === 'string' && typeof Value === 'string' ? [[Key, Value]] : [];
    }),
  );
  return {
    tags,
    stackName: context.stackName,
    logicalId,
    name: reference.name,
    arn: reference.attributes.Arn ?? '',
    url: reference.ref,
    fifo: booleanOr(properties.FifoQueue, false),
    contentBasedDeduplication: booleanOr(properties.ContentBasedDeduplication, false),
    visibilityTimeoutSeconds: numberOr(properties.VisibilityTimeout, 30),
    messageRetentionSeconds: numberOr(properties.MessageRetentionPeriod, 345_600),
    delaySeconds: numberOr(properties.DelaySeconds, 0),
    receiveMessageWaitSeconds: numberOr(properties.ReceiveMessageWaitTimeSeconds, 0),
    maximumMessageSizeBytes: numberOr(properties.MaximumMessageSize, 262_144),
    redrivePolicy:
      target === undefined
        ? undefined
        : {
            deadLetterTarget: context.link(target, site, 'RedrivePolicy.deadLetterTargetArn'),
            maxReceiveCount: numberOr(redrive?.maxReceiveCount, 10),
          },
  };
}
