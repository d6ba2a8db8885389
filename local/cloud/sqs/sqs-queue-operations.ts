import { AwsServiceError, type JsonOperation } from '../endpoint/aws-service.js';
import type { LocalQueueState } from './local-queue.js';
import type { LocalQueueRegistry } from './local-queue-registry.js';
import { integerIn, optionalString, requiredString, stringList } from './sqs-input.js';

/** A queue's attributes as GetQueueAttributes answers them, every value a string. */
const attributesOf = (state: LocalQueueState, createdAt: number): Record<string, string> => {
  const { queue } = state;
  const counts = state.counts();
  const created = String(Math.floor(createdAt / 1000));
  return {
    QueueArn: queue.arn,
    ApproximateNumberOfMessages: String(counts.visible),
    ApproximateNumberOfMessagesNotVisible: String(counts.inFlight),
    ApproximateNumberOfMessagesDelayed: String(counts.delayed),
    CreatedTimestamp: created,
    LastModifiedTimestamp: created,
    VisibilityTimeout: String(queue.visibilityTimeoutSeconds),
    MaximumMessageSize: String(queue.maximumMessageSizeBytes),
    MessageRetentionPeriod: String(queue.messageRetentionSeconds),
    DelaySeconds: String(queue.delaySeconds),
    ReceiveMessageWaitTimeSeconds: String(queue.receiveMessageWaitSeconds),
    SqsManagedSseEnabled: 'false',
    ...(queue.redrivePolicy === undefined
      ? {}
      : {
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: queue.redrivePolicy.deadLetterTarget.arn,
            maxReceiveCount: queue.redrivePolicy.maxReceiveCount,
          }),
        }),
    ...(queue.fifo
      ? {
          FifoQueue: 'true',
          ContentBasedDeduplication: String(queue.contentBasedDeduplication),
          DeduplicationScope: 'queue',
          FifoThroughputLimit: 'perQueue',
        }
      : {}),
  };
};

/** Pages of queue URLs as ListQueues and ListDeadLetterSourceQueues hand them out (`NextToken` = offset). */
const page = (urls: readonly string[], input: Readonly<Record<string, unknown>>) => {
  const max = integerIn(input, 'MaxResults', { min: 1, max: 1000 }, 1000);
  const start = Number(optionalString(input, 'NextToken') ?? '0') || 0;
  const next = start + max < urls.length ? String(start + max) : undefined;
  return { urls: urls.slice(start, start + max), next };
};

/** The SQS operations on queues: look-up, attributes, listing, purge and dead-letter sources. */
export function queueOperations(
  registry: LocalQueueRegistry,
  clock: { now(): number },
): Record<string, JsonOperation> {
  const createdAt = clock.now();
  return {
    GetQueueUrl: async (input) => ({ QueueUrl: registry.get(requiredString(input, 'QueueName')).queue.url }),
    GetQueueAttributes: async (input) => {
      const state = registry.get(requiredString(input, 'QueueUrl'));
      const all = attributesOf(state, createdAt);
      const names = stringList(input, 'AttributeNames');
      if (names.includes('All')) return { Attributes: all };
      const known = new Set([
        ...Object.keys(all),
        'RedrivePolicy',
        'RedriveAllowPolicy',
        'Policy',
        'KmsMasterKeyId',
        'KmsDataKeyReusePeriodSeconds',
        'FifoQueue',
        'ContentBasedDeduplication',
        'DeduplicationScope',
        'FifoThroughputLimit',
      ]);
      const unknown = names.find((name) => !known.has(name));
      if (unknown !== undefined)
        throw new AwsServiceError('InvalidAttributeName', `Unknown Attribute ${unknown}.`);
      const picked = Object.fromEntries(
        names.filter((name) => all[name] !== undefined).map((name) => [name, all[name] as string]),
      );
      return Object.keys(picked).length === 0 ? {} : { Attributes: picked };
    },
    ListQueues: async (input) => {
      const prefix = optionalString(input, 'QueueNamePrefix') ?? '';
      const urls = registry
        .all()
        .filter((state) => state.queue.name.startsWith(prefix))
        .map((state) => state.queue.url);
      const { urls: QueueUrls, next } = page(urls, input);
      return {
        ...(QueueUrls.length > 0 ? { QueueUrls } : {}),
        ...(next === undefined ? {} : { NextToken: next }),
      };
    },
    PurgeQueue: async (input) => {
      registry.get(requiredString(input, 'QueueUrl')).purge();
      return {};
    },
    ListDeadLetterSourceQueues: async (input) => {
      const deadLetters = registry.get(requiredString(input, 'QueueUrl'));
      const sources = registry
        .all()
        .filter((state) => state.queue.redrivePolicy?.deadLetterTarget.arn === deadLetters.queue.arn);
      const { urls, next } = page(
        sources.map((state) => state.queue.url),
        input,
      );
      return { queueUrls: urls, ...(next === undefined ? {} : { NextToken: next }) };
    },
  };
}
