import { consoleLogger, type Logger } from '../../../lambdas/contracts/logger.js';
import { ensureTables } from '../../dynamodb/create-tables.js';
import { localDynamoDbClient } from '../../dynamodb/local-dynamodb-client.js';
import type { LocalAwsService } from '../endpoint/aws-service.js';
import type { LocalCloudContext } from '../local-cloud-ports.js';
import { dynamoDbForwarder } from './dynamodb-forwarder.js';
import { localTableToCreate } from './table-input.js';
import { TtlSweeper } from './ttl-sweeper.js';

export interface LocalDynamoDbOptions {
  /** `http://127.0.0.1:<port>` of a running DynamoDB Local. */
  readonly endpoint: string;
  readonly logger?: Logger;
  /** How often, on the clock, expired items are deleted (default one minute). */
  readonly ttlSweepIntervalMs?: number;
}

export interface LocalDynamoDb {
  readonly service: LocalAwsService;
  /** DynamoDB Local's own endpoint, for `AWS_ENDPOINT_URL_DYNAMODB` or a direct client. */
  readonly endpoint: string;
  /** Resolves once the TTL passes the clock has started are done. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * DynamoDB and DynamoDB Streams of the local cloud: creates the deployment's tables in DynamoDB Local (an
 * existing one is left as it is), serves both APIs by forwarding to it, and expires items by TTL on the
 * cloud's clock ({@link TtlSweeper}).
 *
 * @example
 * ```ts
 * const dynamodb = await createLocalDynamoDb(context, { endpoint: 'http://127.0.0.1:8000' });
 * const endpoint = await startAwsEndpoint({ services: [dynamodb.service] });
 * ```
 */
export async function createLocalDynamoDb(
  context: LocalCloudContext,
  options: LocalDynamoDbOptions,
): Promise<LocalDynamoDb> {
  const client = localDynamoDbClient(options.endpoint);
  try {
    await ensureTables(client, context.deployment.tables.map(localTableToCreate));
  } catch (error) {
    client.destroy();
    throw error;
  }
  const sweeper = new TtlSweeper({
    client,
    tables: context.deployment.tables,
    clock: context.clock,
    journal: context.journal,
    logger: options.logger ?? consoleLogger,
    ...(options.ttlSweepIntervalMs === undefined ? {} : { intervalMs: options.ttlSweepIntervalMs }),
  });
  return {
    service: dynamoDbForwarder(options.endpoint),
    endpoint: options.endpoint,
    idle: () => sweeper.idle(),
    close: async () => {
      await sweeper.close();
      client.destroy();
    },
  };
}
