import { Duration } from 'aws-cdk-lib';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../lambdas/contracts/env-names.js';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { InfraError } from './infra-error.js';

/** How an agent fed by a queue takes its events (`addAgent(spec, { entry, queue: { … } })`). */
export interface AgentQueueOptions {
  /** Records per invocation, 1–10,000 (above 10 only with a batching window). Default 10. */
  readonly batchSize?: number;
  /** How long Lambda gathers records before invoking with fewer than `batchSize`, up to 5 minutes. Default none. */
  readonly maxBatchingWindow?: Duration;
  /** Receives of a message before SQS moves it to the queue's dead-letter queue. Default 3. */
  readonly maxReceiveCount?: number;
  /** How long a received message stays hidden; at least the function's timeout. Default six times it. */
  readonly visibilityTimeout?: Duration;
  /** Concurrent invocations the mapping may run, 2–1,000. Default: as many as Lambda scales to. */
  readonly maxConcurrency?: number;
}

export interface AgentQueueProps extends AgentQueueOptions {
  /** The function the queue feeds; it learns the dead-letter queue and the receive limit from its environment. */
  readonly consumer: LambdaFunction;
  readonly functionTimeout: Duration;
}

/**
 * The queue in front of an agent that takes its events in batches: EventBridge rules deliver to the queue,
 * and an event source mapping invokes the function with up to `batchSize` records, gathered for up to
 * `maxBatchingWindow`, reporting batch item failures so only the records the function lists come back. The
 * queue is encrypted (SSE-SQS, which EventBridge can write to without a key policy) and TLS-only; after
 * `maxReceiveCount` receives SQS moves a message to its dead-letter queue, where the function also puts a
 * request that failed for good, with its cause. The function may send there (`sqs:SendMessage`).
 *
 * @example
 * ```ts
 * new AgentQueue(this, 'Queue', { consumer: fn, functionTimeout: Duration.seconds(30), batchSize: 25,
 *   maxBatchingWindow: Duration.seconds(2) });
 * ```
 */
export class AgentQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: DeadLetterQueue;
  readonly eventSource: SqsEventSource;
  readonly maxReceiveCount: number;

  constructor(scope: Construct, id: string, props: AgentQueueProps) {
    super(scope, id);
    const batchSize = props.batchSize ?? 10;
    const window = props.maxBatchingWindow;
    this.maxReceiveCount = props.maxReceiveCount ?? 3;
    const visibilityTimeout =
      props.visibilityTimeout ?? Duration.seconds(props.functionTimeout.toSeconds() * 6);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
      throw new InfraError(
        'INVALID_QUEUE_OPTIONS',
        `batchSize is a whole number from 1 to 10000, not ${batchSize}`,
      );
    }
    if (batchSize > 10 && (window === undefined || window.toSeconds() < 1)) {
      throw new InfraError(
        'INVALID_QUEUE_OPTIONS',
        `a batchSize above 10 (${batchSize}) needs a maxBatchingWindow of 1 s or more`,
      );
    }
    if (window !== undefined && window.toSeconds() > 300) {
      throw new InfraError('INVALID_QUEUE_OPTIONS', 'maxBatchingWindow is at most 5 minutes');
    }
    if (!Number.isInteger(this.maxReceiveCount) || this.maxReceiveCount < 1) {
      throw new InfraError('INVALID_QUEUE_OPTIONS', 'maxReceiveCount is a whole number ≥ 1');
    }
    if (visibilityTimeout.toSeconds() < props.functionTimeout.toSeconds()) {
      throw new InfraError(
        'INVALID_QUEUE_OPTIONS',
        'visibilityTimeout must be at least the function timeout, or a message comes back while it is processed',
      );
    }
    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetterQueue');
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout,
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: this.maxReceiveCount },
    });
    this.eventSource = new SqsEventSource(this.queue, {
      batchSize,
      ...(window === undefined ? {} : { maxBatchingWindow: window }),
      reportBatchItemFailures: true,
      ...(props.maxConcurrency === undefined ? {} : { maxConcurrency: props.maxConcurrency }),
    });
    props.consumer.addEventSource(this.eventSource);
    this.deadLetterQueue.grantSendMessages(props.consumer);
    props.consumer.addEnvironment(ENV.queueDeadLetterUrl, this.deadLetterQueue.queueUrl);
    props.consumer.addEnvironment(ENV.queueMaxReceiveCount, String(this.maxReceiveCount));
  }
}
