import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type MessageAttributeValue, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import middy, { type MiddyfiedHandler } from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { AGENT_METRICS } from '../../contracts/agent-metrics.js';
import { DEAD_LETTER_ATTRIBUTES } from '../../contracts/dead-letter-record.js';
import { ENV } from '../../contracts/env-names.js';
import type { MessageMetadata } from '../../contracts/envelope.js';
import { MessageRegistry } from '../../contracts/message-registry.js';
import type { MessageType } from '../../contracts/message-type.js';
import type { TableDefinition } from '../../contracts/table-definition.js';
import type { BatchAggregator, BatchRequest } from '../../patterns/batch-aggregator/batch-aggregator.js';
import {
  answerQueuedRequests,
  type BatchResultRecord,
  type QueuedOutcome,
  type QueuedRequest,
} from '../../patterns/batch-aggregator/queued-requests.js';
import type { ItemStore } from '../../stores/items/item-store.js';
import type { AgentSpec } from '../agent-spec.js';
import { AwsRuntimeConfigError } from '../aws/aws-runtime-error.js';
import { type ClientSource, clientOf } from '../aws/client-source.js';
import { requiredEnv } from '../aws/required-env.js';
import { toWireError } from '../aws/send-response.js';
import { agentSubscriptions } from '../direct-message-subscription.js';
import { producersFrom } from './agent-function-wiring.js';
import { type AgentHandlerDeps, DEFAULT_MAX_INPUT_BYTES } from './agent-handler.js';
import { badInputReason } from './bad-input-reason.js';
import { inputKind } from './classified-input.js';
import { classifyInput, decodeInput } from './classify-input.js';
import { SqsDeadLetterSink } from './dead-letter/sqs-dead-letter-sink.js';
import { isTransientError } from './is-transient-error.js';
import { accountOfFunctionArn, senderGuard } from './sender-guard.js';

/** Where a request that failed for good goes: the queue's own dead-letter queue, and its receive limit. */
export interface QueueSettings {
  readonly sqs: ClientSource<SQSClient>;
  readonly deadLetterQueueUrl: string;
  /** The queue's `maxReceiveCount`: the receive on which a still failing request is dead-lettered. */
  readonly maxReceiveCount: number;
}

export type QueuedBatchHandlerDeps = Pick<
  AgentHandlerDeps,
  'logger' | 'tracer' | 'metrics' | 'deadLetters' | 'producers' | 'maxInputBytes'
> & { readonly queue: QueueSettings };

export interface QueuedBatchOptions<T, P, R> {
  /** The message the queue's events carry. */
  readonly message: MessageType<string, T, unknown>;
  readonly aggregator: BatchAggregator<P, R>;
  /** The batch request a message asks for; its id is the key the requester reads its result under. */
  readonly requestOf: (message: T, metadata: MessageMetadata) => BatchRequest<P>;
  readonly results: ItemStore<BatchResultRecord>;
}

/** A queued message's body to the queue's dead-letter queue as it came, with the error that ended it. */
async function deadLetterWithCause(queue: QueueSettings, record: SQSRecord, error: unknown): Promise<void> {
  const { code, message } = toWireError(error);
  const attributes: Record<string, MessageAttributeValue> = {
    [DEAD_LETTER_ATTRIBUTES.reason]: {
      DataType: 'String',
      StringValue: isTransientError(error) ? 'retries-exhausted' : 'request-failed',
    },
    [DEAD_LETTER_ATTRIBUTES.code]: { DataType: 'String', StringValue: code },
    [DEAD_LETTER_ATTRIBUTES.error]: { DataType: 'String', StringValue: message.slice(0, 1_024) || code },
  };
  await clientOf(queue.sqs)().send(
    new SendMessageCommand({
      QueueUrl: queue.deadLetterQueueUrl,
      MessageBody: record.body,
      MessageAttributes: attributes,
    }),
  );
}

/** What a queue-fed agent's function is wired with, built once at module scope. */
export interface QueuedBatchWiring {
  readonly deps: QueuedBatchHandlerDeps;
  /** Traced, for the results table and any store of the agent's own. */
  readonly documentClient: DynamoDBDocumentClient;
  /** The deployed name of a table, from its `envVar`; a missing variable fails the cold start. */
  tableName(table: TableDefinition): string;
}

/**
 * The module-scope wiring of a queue-fed agent's function from the environment `AgentBridge` sets: Powertools
 * logger, tracer and metrics, traced DynamoDB and SQS clients, the bad-input dead-letter sink, the producers
 * and the queue's settings. Unlike `agentFunctionWiring` it needs no agent-state or idempotency table: the
 * results table is the record of what was answered.
 *
 * @example
 * ```ts
 * const wiring = queuedBatchWiring(ENRICHER.agentType);
 * export const handler = queuedBatchHandler(ENRICHER, { message, aggregator, requestOf, results }, wiring.deps);
 * ```
 */
export function queuedBatchWiring(
  agentType: string,
  env: NodeJS.ProcessEnv = process.env,
): QueuedBatchWiring {
  const logger = new Logger({ serviceName: agentType });
  const tracer = new Tracer({ serviceName: agentType });
  const metrics = new Metrics({ namespace: AGENT_METRICS.namespace, serviceName: agentType, logger });
  const documentClient = DynamoDBDocumentClient.from(tracer.captureAWSv3Client(new DynamoDBClient({})));
  let sqs: SQSClient | undefined;
  // Built by the first dead letter: most batches have none.
  const sqsClient = (): SQSClient => {
    sqs ??= tracer.captureAWSv3Client(new SQSClient({}));
    return sqs;
  };
  return {
    deps: {
      logger,
      tracer,
      metrics,
      deadLetters: new SqsDeadLetterSink(sqsClient, requiredEnv(env, ENV.deadLetterQueueUrl)),
      producers: producersFrom(env, {}),
      queue: queueSettingsFromEnv(env, sqsClient),
    },
    documentClient,
    tableName: (table) => requiredEnv(env, table.envVar),
  };
}

/** The queue settings `AgentBridge` writes on a queue-fed agent's function; missing ones fail the cold start. */
export function queueSettingsFromEnv(env: NodeJS.ProcessEnv, sqs: ClientSource<SQSClient>): QueueSettings {
  const maxReceiveCount = Number(requiredEnv(env, ENV.queueMaxReceiveCount));
  if (!Number.isInteger(maxReceiveCount) || maxReceiveCount < 1) {
    throw new AwsRuntimeConfigError(ENV.queueMaxReceiveCount, 'must be a whole number ≥ 1');
  }
  return { sqs, deadLetterQueueUrl: requiredEnv(env, ENV.queueDeadLetterUrl), maxReceiveCount };
}

/**
 * The handler of an agent fed by an SQS queue of bus events (`addAgent(spec, { queue })`): each record's
 * event is checked as any agent's input (envelope, the message's schema, its senders), and bad input goes to
 * the function's dead-letter sink without a retry. The requests are answered through the aggregator, every
 * request of a key in one call ({@link answerQueuedRequests}), each outcome written to the results table; the
 * response (Powertools batch) lists only the records to retry, so the others are deleted. A request still
 * failing on the queue's last receive, or failing for good, is put on the queue's dead-letter queue with its
 * cause as message attributes (`agentbridge.reason`, `.code`, `.error`), redrivable as it came.
 *
 * @example
 * ```ts
 * export const handler = queuedBatchHandler(ENRICHER_AGENT, { message: EnrichIncident, aggregator, requestOf, results },
 *   { ...wiring.deps, queue: queueSettingsFromEnv(process.env, () => new SQSClient({})) });
 * ```
 */
export function queuedBatchHandler<T, P, R>(
  spec: AgentSpec,
  options: QueuedBatchOptions<T, P, R>,
  deps: QueuedBatchHandlerDeps,
): MiddyfiedHandler<SQSEvent, SQSBatchResponse> {
  const messages = new MessageRegistry().add(options.message as MessageType as MessageType<string, never>);
  const guard = senderGuard({ subscriptions: agentSubscriptions(spec), producers: deps.producers ?? {} });
  const maxInputBytes = deps.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;

  const rejectBadInput = async (
    record: SQSRecord,
    error: unknown,
    context: Context,
  ): Promise<'bad-input'> => {
    const reason = badInputReason(error);
    if (reason === undefined) throw error;
    const { code, message } = toWireError(error);
    let input: unknown = record.body;
    try {
      input = JSON.parse(record.body);
    } catch {
      // Kept as the text it came as.
    }
    await deps.deadLetters.record({
      kind: 'agentbridge.bad-input',
      reason,
      code,
      message,
      agentType: spec.agentType,
      inputKind: inputKind(input),
      functionName: context.functionName,
      requestId: context.awsRequestId,
      recordedAt: new Date().toISOString(),
      input,
    });
    deps.metrics.addMetric(AGENT_METRICS.rejectedInputs, MetricUnit.Count, 1);
    deps.logger.warn('Rejected bad input to the dead-letter queue', { reason, code, message });
    return 'bad-input';
  };

  const handle = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    const ownAccount = accountOfFunctionArn(context.invokedFunctionArn);
    const records = new Map(event.Records.map((record) => [record.messageId, record]));
    const queued: QueuedRequest<P>[] = [];
    const rejected = new Map<string, Promise<QueuedOutcome | 'bad-input'>>();
    for (const record of event.Records) {
      try {
        const input = decodeInput(record.body, maxInputBytes);
        const kind = inputKind(input) === 'eventbridge' ? 'eventbridge' : 'unknown';
        const { parsed } = classifyInput(kind, input, {
          messages,
          isHosted: () => true,
          maxInputBytes,
          checkSender: (origin) => guard(origin, ownAccount),
        });
        const { data, metadata } = parsed.delivery;
        queued.push({
          messageId: record.messageId,
          receiveCount: Number(record.attributes.ApproximateReceiveCount ?? '1'),
          request: options.requestOf(data as T, metadata),
        });
      } catch (error) {
        const outcome = rejectBadInput(record, error, context);
        // Read by the batch processor below; a rejection until then is not an unhandled one.
        outcome.catch(() => undefined);
        rejected.set(record.messageId, outcome);
      }
    }
    deps.metrics.addMetric(AGENT_METRICS.deliveries, MetricUnit.Count, event.Records.length);
    const outcomes: Map<string, Promise<unknown>> = await answerQueuedRequests(queued, {
      aggregator: options.aggregator,
      results: options.results,
      maxReceiveCount: deps.queue.maxReceiveCount,
      deadLetter: (messageId, error) =>
        deadLetterWithCause(deps.queue, records.get(messageId) as SQSRecord, error),
    });
    for (const [messageId, outcome] of rejected) outcomes.set(messageId, outcome);
    return processPartialResponse(
      event,
      (record: SQSRecord) => outcomes.get(record.messageId),
      new BatchProcessor(EventType.SQS),
      { context, throwOnFullBatchFailure: false },
    );
  };

  return middy<SQSEvent, SQSBatchResponse>(handle)
    .use(injectLambdaContext(deps.logger, { resetKeys: true }))
    .use(captureLambdaHandler(deps.tracer))
    .use(logMetrics(deps.metrics));
}
