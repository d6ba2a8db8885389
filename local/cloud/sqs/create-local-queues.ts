import { jsonProtocolService, type LocalAwsService } from '../endpoint/aws-service.js';
import type { LocalCloudContext, LocalQueues } from '../local-cloud-ports.js';
import { LocalQueueRegistry } from './local-queue-registry.js';
import { messageMoveTaskOperations } from './message-move-tasks.js';
import { queryErrorHeader } from './sqs-errors.js';
import { messageOperations } from './sqs-message-operations.js';
import { queueOperations } from './sqs-queue-operations.js';

/** The local SQS: the API the endpoint serves, the port other services send by, and its queues' internals. */
export interface LocalSqs {
  readonly service: LocalAwsService;
  readonly queues: LocalQueues;
  /** The queues themselves, for the event source mappings that poll them in process. */
  readonly registry: LocalQueueRegistry;
  close(): Promise<void>;
}

const CONTENT_TYPE = 'application/x-amz-json-1.0';

/**
 * The local SQS of a deployment: its queues (`context.deployment.queues`) behind SQS's JSON protocol
 * (`AmazonSQS.<Operation>`, JSON 1.0, signing name `sqs`), every delay, visibility timeout and retention on
 * `context.clock`, sends, deletes, dead-letter moves and redrives in the journal.
 *
 * @example
 * ```ts
 * const sqs = createLocalQueues(context);
 * await sqs.queues.sendMessage({ queue: deployment.queues[0].url, body: '{"orderId":"o-1"}' });
 * ```
 */
export function createLocalQueues(context: LocalCloudContext): LocalSqs {
  const registry = new LocalQueueRegistry(context.deployment.queues, context.clock, context.journal);
  const json = jsonProtocolService({
    signingNames: ['sqs'],
    targetPrefix: 'AmazonSQS.',
    contentType: CONTENT_TYPE,
    operations: {
      ...messageOperations(registry),
      ...queueOperations(registry, context.clock),
      ...messageMoveTaskOperations(registry, context),
    },
  });
  const service: LocalAwsService = {
    signingNames: json.signingNames,
    targetPrefixes: json.targetPrefixes,
    // SQS is query-compatible: errors carry their query code too, which the SDK reads into `Code`.
    async handle(request) {
      const response = await json.handle(request);
      const code = response.headers['x-amzn-errortype'];
      if (response.status < 400 || code === undefined) return response;
      return { ...response, headers: { ...response.headers, 'x-amzn-query-error': queryErrorHeader(code) } };
    },
  };
  return {
    service,
    queues: registry,
    registry,
    async close() {
      registry.close();
    },
  };
}
