import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import middy from '@middy/core';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { AGENT_METRICS } from '../contracts/agent-metrics.js';
import { ENV } from '../contracts/env-names.js';
import { OUTBOX_SOURCE } from '../contracts/sources.js';
import { IDEMPOTENCY_TABLE } from '../contracts/tables/idempotency-table.js';
import { awsRuntimeOutboxPort } from '../patterns/outbox/aws-runtime-outbox-port.js';
import { OutboxPublisher } from '../patterns/outbox/outbox-publisher.js';
import { PowertoolsOutboxIdempotency } from '../patterns/outbox/powertools-outbox-idempotency.js';
import { AwsRuntime } from '../runtime/aws/aws-runtime.js';
import { awsRuntimeConfigFromEnv } from '../runtime/aws/aws-runtime-config.js';
import { AwsRuntimeConfigError } from '../runtime/aws/aws-runtime-error.js';

/**
 * The transactional outbox's publisher function, fed by the event store table's DynamoDB stream (INSERTs of
 * event items, per `EVENT_STORE_STREAM_FILTER_PATTERN`). Wiring only: each new event is published through the
 * AWS runtime (detail-type = event type, the event id as message id, topic `domain.<type>` keyed by stream);
 * failures come back as partial batch failures; Powertools idempotency on the idempotency table publishes
 * each event id once. Environment: `AGENTBRIDGE_EVENT_BUS_NAME`, `AGENTBRIDGE_IDEMPOTENCY_TABLE_NAME`, and
 * optionally `AGENTBRIDGE_EVENT_SOURCE` (default `agentbridge.outbox`). Misconfiguration fails the cold start.
 */
const SERVICE = 'outbox-publisher';
const idempotencyTable = process.env[IDEMPOTENCY_TABLE.envVar];
if (idempotencyTable === undefined || idempotencyTable === '') {
  throw new AwsRuntimeConfigError(IDEMPOTENCY_TABLE.envVar, 'is not set');
}
const logger = new Logger({ serviceName: SERVICE });
const tracer = new Tracer({ serviceName: SERVICE });
const metrics = new Metrics({ namespace: AGENT_METRICS.namespace, serviceName: SERVICE, logger });
const runtime = new AwsRuntime({
  eventBridge: tracer.captureAWSv3Client(new EventBridgeClient({})),
  // Never invoked (the publisher only publishes); the runtime takes one for `send`.
  lambda: new LambdaClient({}),
  config: awsRuntimeConfigFromEnv({
    ...process.env,
    [ENV.eventSource]: process.env[ENV.eventSource] || OUTBOX_SOURCE,
  }),
  logger: {
    warn: (message, extra) => logger.warn(message, extra ?? {}),
    error: (message, extra) => logger.error(message, extra ?? {}),
  },
});
const publisher = new OutboxPublisher({
  port: awsRuntimeOutboxPort(runtime),
  idempotency: new PowertoolsOutboxIdempotency({
    persistenceStore: new DynamoDBPersistenceLayer({
      tableName: idempotencyTable,
      awsSdkV3Client: tracer.captureAWSv3Client(new DynamoDBClient({})),
    }),
  }),
  logger,
});

const publishBatch = async (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> => {
  const response = await publisher.publishBatch(event, context);
  metrics.addMetric(AGENT_METRICS.outboxRecords, MetricUnit.Count, event.Records.length);
  metrics.addMetric(AGENT_METRICS.outboxFailedRecords, MetricUnit.Count, response.batchItemFailures.length);
  return response;
};

export const handler = middy(publishBatch)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(captureLambdaHandler(tracer))
  .use(logMetrics(metrics));
