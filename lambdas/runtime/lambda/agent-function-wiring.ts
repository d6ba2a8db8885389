import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AGENT_METRICS } from '../../contracts/agent-metrics.js';
import { ENV } from '../../contracts/env-names.js';
import type { Logger as LoggerPort } from '../../contracts/logger.js';
import { type ProducerDirectory, ProducerDirectorySchema } from '../../contracts/senders.js';
import type { TableDefinition } from '../../contracts/table-definition.js';
import { AGENT_STATE_TABLE } from '../../contracts/tables/agent-state-table.js';
import { IDEMPOTENCY_TABLE } from '../../contracts/tables/idempotency-table.js';
import { DynamoDbAgentStateStore } from '../../stores/agent-state/dynamodb/dynamodb-agent-state-store.js';
import { AwsRuntime } from '../aws/aws-runtime.js';
import { awsRuntimeConfigFromEnv } from '../aws/aws-runtime-config.js';
import { AwsRuntimeConfigError } from '../aws/aws-runtime-error.js';
import { requiredEnv } from '../aws/required-env.js';
import type { AgentHandlerDeps } from './agent-handler.js';
import { SqsDeadLetterSink } from './dead-letter/sqs-dead-letter-sink.js';
import { powertoolsLogger } from './powertools-logger.js';

/**
 * The deployment's producers (`AGENTBRIDGE_PRODUCERS`, written by `AgentBridge` from the same directory its
 * rules carry); `fallback` where it is unset. Malformed fails the cold start.
 */
export function producersFrom(env: NodeJS.ProcessEnv, fallback: ProducerDirectory): ProducerDirectory {
  const json = env[ENV.producers];
  if (json === undefined || json === '') return fallback;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new AwsRuntimeConfigError(ENV.producers, 'is not JSON', { cause: error });
  }
  const result = ProducerDirectorySchema.safeParse(parsed);
  if (!result.success) {
    throw new AwsRuntimeConfigError(ENV.producers, 'must map detail-types to { sources, accounts }', {
      cause: result.error,
    });
  }
  return result.data;
}

/** What an agent function is wired with, built once at module scope. */
export interface AgentFunctionWiring {
  readonly deps: AgentHandlerDeps;
  /** Traced, shared by the function's store adapters. */
  readonly documentClient: DynamoDBDocumentClient;
  /** The function's Powertools logger behind the `Logger` port, for agents and stores that log. */
  readonly runtimeLogger: LoggerPort;
  /** The deployed name of a table, from its `envVar`; a missing variable fails the cold start, not a message. */
  tableName(table: TableDefinition): string;
}

/** Where the wiring reads its configuration. */
export interface AgentFunctionWiringOptions {
  /** Default: `process.env`, as `AgentBridge` sets it on the function. */
  readonly env?: NodeJS.ProcessEnv;
  /** The producers when `AGENTBRIDGE_PRODUCERS` is unset (a function deployed without subscriptions). Default: none. */
  readonly defaultProducers?: ProducerDirectory;
}

/**
 * The module-scope wiring of an agent function: SDK clients (traced; endpoints from the standard
 * `AWS_ENDPOINT_URL_*` variables, so the local cloud needs no other code path), Powertools logger / tracer /
 * metrics, the AWS runtime (bus, agent functions, agent state), idempotency persistence and the SQS
 * dead-letter sink. Misconfiguration throws here, at cold start.
 *
 * @example
 * ```ts
 * const wiring = agentFunctionWiring('assignment');
 * const tickets = new DynamoDbItemStore({ documentClient: wiring.documentClient, tableName: wiring.tableName(TICKETS_TABLE), table: TICKETS_TABLE, schema: Assignment });
 * export const handler = agentHandler(ASSIGNMENT_AGENT, { tickets }, wiring.deps);
 * ```
 */
export function agentFunctionWiring(
  agentType: string,
  options: AgentFunctionWiringOptions = {},
): AgentFunctionWiring {
  const env = options.env ?? process.env;
  const tableName = (table: TableDefinition): string => requiredEnv(env, table.envVar);
  const deadLetterQueueUrl = requiredEnv(env, ENV.deadLetterQueueUrl);
  const logger = new Logger({ serviceName: agentType });
  const tracer = new Tracer({ serviceName: agentType });
  const metrics = new Metrics({ namespace: AGENT_METRICS.namespace, serviceName: agentType, logger });
  const dynamoDb = tracer.captureAWSv3Client(new DynamoDBClient({}));
  const documentClient = DynamoDBDocumentClient.from(dynamoDb);
  const runtimeLogger = powertoolsLogger(logger);
  const runtime = new AwsRuntime({
    eventBridge: tracer.captureAWSv3Client(new EventBridgeClient({})),
    // Built by the first send: most functions never send.
    lambda: () => tracer.captureAWSv3Client(new LambdaClient({})),
    config: awsRuntimeConfigFromEnv(env),
    stateStore: new DynamoDbAgentStateStore({ documentClient, tableName: tableName(AGENT_STATE_TABLE) }),
    logger: runtimeLogger,
  });
  const idempotency = new DynamoDBPersistenceLayer({
    tableName: tableName(IDEMPOTENCY_TABLE),
    awsSdkV3Client: dynamoDb,
  });
  // Built by the first dead letter: only bad input needs it.
  const deadLetters = new SqsDeadLetterSink(
    () => tracer.captureAWSv3Client(new SQSClient({})),
    deadLetterQueueUrl,
  );
  return {
    deps: {
      runtime,
      logger,
      tracer,
      metrics,
      idempotency,
      deadLetters,
      producers: producersFrom(env, options.defaultProducers ?? {}),
    },
    documentClient,
    tableName,
    runtimeLogger,
  };
}
