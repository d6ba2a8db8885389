import { ENV } from '../../lambdas/contracts/env-names.js';
import { ALL_TABLES } from '../../lambdas/contracts/tables/all-tables.js';

/**
 * The environment the CDK stack gives a handler, pointed at DynamoDB Local: every table under its local name,
 * quiet Powertools, a bus name and a dead-letter queue URL nothing ever reaches. Handler entry files read it
 * at module scope, so set it before importing them.
 *
 * @example
 * ```ts
 * beforeAll(() => setDeployedHandlerEnvironment(inject('dynamodbEndpoint')));
 * ```
 */
export function setDeployedHandlerEnvironment(
  dynamodbEndpoint: string,
  extra: Readonly<Record<string, string>> = {},
): void {
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamodbEndpoint,
    POWERTOOLS_TRACE_ENABLED: 'false',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    [ENV.eventBusName]: 'agentbridge-test',
    [ENV.deadLetterQueueUrl]: 'http://127.0.0.1:9/000000000000/never-used',
    ...extra,
  });
  for (const table of ALL_TABLES) process.env[table.envVar] = table.localName;
}
