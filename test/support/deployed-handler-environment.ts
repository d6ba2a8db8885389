import { ENV } from '../../lambdas/contracts/env-names.js';
import { AGENT_STATE_TABLE } from '../../lambdas/contracts/tables/agent-state-table.js';
import { ALL_TABLES } from '../../lambdas/contracts/tables/all-tables.js';
import { IDEMPOTENCY_TABLE } from '../../lambdas/contracts/tables/idempotency-table.js';

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

/**
 * The variables `AgentBridge` sets on a function granted the framework tables, with fake credentials, as an
 * object to pass to a wiring (not `process.env`): a bus, the function's dead-letter queue, agent state and
 * idempotency.
 *
 * @example
 * ```ts
 * const wiring = agentFunctionWiring('triage', agentFunctionEnvironment('triage'));
 * ```
 */
export function agentFunctionEnvironment(agentType: string): Record<string, string> {
  return {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'x',
    AWS_SECRET_ACCESS_KEY: 'y',
    [ENV.eventBusName]: 'bus',
    [ENV.agentType]: agentType,
    [ENV.deadLetterQueueUrl]: `https://sqs.us-east-1.amazonaws.com/000000000000/${agentType}-dlq`,
    [AGENT_STATE_TABLE.envVar]: 'agent-state',
    [IDEMPOTENCY_TABLE.envVar]: 'idempotency',
  };
}
