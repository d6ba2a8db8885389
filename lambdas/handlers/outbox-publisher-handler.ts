import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { AGENT_METRICS } from '../contracts/agent-metrics.js';
import { ENV } from '../contracts/env-names.js';
import { OUTBOX_SOURCE } from '../contracts/sources.js';
import { eventBridgeOutboxPort } from '../patterns/outbox/event-bridge-outbox-port.js';
import { OutboxPublisher } from '../patterns/outbox/outbox-publisher.js';
import { awsRuntimeConfigFromEnv } from '../runtime/aws/aws-runtime-config.js';
import { EventPublisher } from '../runtime/aws/event-publisher.js';
import { powertoolsLogger } from '../runtime/lambda/powertools-logger.js';

/**
 * The transactional outbox's publisher function, fed by the event store table's DynamoDB stream (INSERTs of
 * event items, per `EVENT_STORE_STREAM_FILTER_PATTERN`). Wiring only: each new event is put on the bus
 * (detail-type = event type, message id from stream and version, topic `domain.<type>` keyed by stream, up to
 * 10 a call, each stream in version order); failures come back as partial batch failures. No idempotency
 * table: a redelivered record is republished under the same message id. Environment:
 * `AGENTBRIDGE_EVENT_BUS_NAME`, and optionally `AGENTBRIDGE_EVENT_SOURCE` (default `agentbridge.outbox`).
 * Misconfiguration fails the cold start.
 */
const SERVICE = 'outbox-publisher';
const logger = new Logger({ serviceName: SERVICE });
const tracer = new Tracer({ serviceName: SERVICE });
const metrics = new Metrics({ namespace: AGENT_METRICS.namespace, serviceName: SERVICE, logger });
const { eventBusName, source } = awsRuntimeConfigFromEnv({
  ...process.env,
  [ENV.eventSource]: process.env[ENV.eventSource] || OUTBOX_SOURCE,
});
const publisher = new OutboxPublisher({
  port: eventBridgeOutboxPort({
    publisher: new EventPublisher(tracer.captureAWSv3Client(new EventBridgeClient({}))),
    eventBusName,
    source,
  }),
  logger: powertoolsLogger(logger),
});

const publishBatch = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const response = await publisher.publishBatch(event);
  metrics.addMetric(AGENT_METRICS.outboxRecords, MetricUnit.Count, event.Records.length);
  metrics.addMetric(AGENT_METRICS.outboxFailedRecords, MetricUnit.Count, response.batchItemFailures.length);
  return response;
};

export const handler = middy(publishBatch)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(captureLambdaHandler(tracer))
  .use(logMetrics(metrics));
