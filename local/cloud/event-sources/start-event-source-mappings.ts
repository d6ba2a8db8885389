import { consoleLogger, type Logger } from '../../../lambdas/contracts/logger.js';
import type { LocalCloudContext } from '../local-cloud-ports.js';
import type { LocalQueueRegistry } from '../sqs/local-queue-registry.js';
import { DynamoDbStreamsApi } from './dynamodb-streams-api.js';
import { InFlight } from './in-flight.js';
import { SqsMappingPoller } from './sqs-mapping-poller.js';
import { StreamMappingPoller } from './stream-mapping-poller.js';

export interface EventSourceMappingsOptions {
  /** The local SQS's queues, polled in process. */
  readonly queues: LocalQueueRegistry;
  /** DynamoDB Local's own endpoint, whose streams are read. */
  readonly dynamoDbEndpoint: string;
  readonly logger?: Logger;
}

export interface EventSourceMappings {
  /** Has every stream mapping read again at once (e.g. after a write went to a table). */
  nudge(): void;
  /** Resolves once the batches under way (those a clock deadline just released too) have been handled. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts every enabled event source mapping of the deployment: queues → functions and DynamoDB streams →
 * functions, with Lambda's batching, filters, partial batch responses, retries and failure destinations.
 * Resolves once each stream mapping has found its stream; a mapping whose source is not in the deployment
 * is logged and left out.
 *
 * @example
 * ```ts
 * const mappings = await startEventSourceMappings(context, { queues: sqs.registry, dynamoDbEndpoint });
 * ```
 */
export async function startEventSourceMappings(
  context: LocalCloudContext,
  options: EventSourceMappingsOptions,
): Promise<EventSourceMappings> {
  const logger = options.logger ?? consoleLogger;
  const api = new DynamoDbStreamsApi(options.dynamoDbEndpoint);
  const queuePollers: SqsMappingPoller[] = [];
  const streamPollers: StreamMappingPoller[] = [];
  const inFlight = new InFlight();
  for (const mapping of context.deployment.eventSourceMappings) {
    if (!mapping.enabled) continue;
    if (mapping.source.kind === 'queue') {
      const queue = options.queues.find(mapping.source.arn);
      if (queue === undefined) {
        logger.warn('an event source mapping names a queue the deployment lacks', {
          function: mapping.functionName,
          queue: mapping.source.arn,
        });
        continue;
      }
      queuePollers.push(new SqsMappingPoller(mapping, queue, context, inFlight));
    } else if (mapping.source.kind === 'tableStream') {
      streamPollers.push(new StreamMappingPoller(mapping, api, context, logger, inFlight));
    } else {
      logger.warn('an event source mapping reads a source the local cloud does not run', {
        function: mapping.functionName,
        source: mapping.source.arn,
      });
    }
  }
  const stopAll = async () => {
    await Promise.all([...queuePollers, ...streamPollers].map((poller) => poller.close()));
  };
  try {
    await Promise.all(streamPollers.map((poller) => poller.start()));
  } catch (error) {
    await stopAll();
    throw error;
  }
  for (const poller of queuePollers) poller.start();
  return {
    nudge: () => {
      for (const poller of streamPollers) poller.nudge();
    },
    idle: () => inFlight.settled(),
    close: stopAll,
  };
}
