import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import middy from '@middy/core';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { EVENT_STORE_TABLE } from '../contracts/tables/event-store-table.js';
import { requiredEnv } from '../runtime/aws/required-env.js';
import { powertoolsLogger } from '../runtime/lambda/powertools-logger.js';
import { DynamoDbEventStoreAdapter } from '../stores/event-store/dynamodb/dynamodb-event-store-adapter.js';
import { SnapshotStreamConsumer } from '../stores/event-store/dynamodb/snapshot-stream-consumer.js';
import { EventStore } from '../stores/event-store/event-store.js';
import { aggregateSnapshotPolicy } from './aggregate-snapshot-policy.js';

/**
 * The event store's snapshot writer, fed by the event store table's DynamoDB stream (INSERTs of event items,
 * per `EVENT_STORE_STREAM_FILTER_PATTERN`) next to the outbox publisher. Wiring only: every inserted event
 * at a multiple of the snapshot interval (100) on an `order-` or `user-` stream makes the
 * `SnapshotStreamConsumer` fold the stream up to that version (from the previous snapshot) and write the
 * snapshot item; transient failures come back as partial batch failures. Snapshots are written here and
 * not by the appending agents because Lambda freezes a promise still running after the handler returns.
 * Environment: `AGENTBRIDGE_EVENT_STORE_TABLE_NAME`. Misconfiguration fails the cold start.
 * IAM: the stream, dynamodb:Query on the table, dynamodb:PutItem on snapshot partitions only.
 */
const SERVICE = 'snapshot-writer';
const tableName = requiredEnv(process.env, EVENT_STORE_TABLE.envVar);
const logger = new Logger({ serviceName: SERVICE });
const tracer = new Tracer({ serviceName: SERVICE });
const documentClient = DynamoDBDocumentClient.from(tracer.captureAWSv3Client(new DynamoDBClient({})));
const consumer = new SnapshotStreamConsumer({
  store: new EventStore({ adapter: new DynamoDbEventStoreAdapter({ documentClient, tableName }) }),
  policy: aggregateSnapshotPolicy(),
  logger: powertoolsLogger(logger),
});

const snapshotBatch = (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> =>
  consumer.processBatch(event, context);

export const handler = middy(snapshotBatch)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(captureLambdaHandler(tracer));
