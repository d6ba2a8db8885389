/**
 * vitest global setup: one DynamoDB Local per run, every contract table created, the endpoint handed to the
 * test files through `inject('dynamodbEndpoint')` (see test/support/dynamodb.ts). Teardown stops the Java
 * process this setup started, by its pid.
 */
import type { TestProject } from 'vitest/node';
import { ALL_TABLES } from '../../lambdas/contracts/tables/all-tables.js';
import { createTables } from '../../local/dynamodb/create-tables.js';
import { startDynamoDbLocal } from '../../local/dynamodb/dynamodb-local-process.js';
import { localDynamoDbClient } from '../../local/dynamodb/local-dynamodb-client.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `http://127.0.0.1:<port>` of the run's DynamoDB Local, all ALL_TABLES created. */
    dynamodbEndpoint: string;
  }
}

export const setup = async (project: TestProject): Promise<() => Promise<void>> => {
  // The jar answers in ~4 s on a quiet machine, but took over 30 s while several suites shared two cores.
  const dynamodb = await startDynamoDbLocal({ startTimeoutMs: 120_000 });
  try {
    const client = localDynamoDbClient(dynamodb.endpoint);
    try {
      await createTables(client, ALL_TABLES);
    } finally {
      client.destroy();
    }
  } catch (error) {
    await dynamodb.stop();
    throw error;
  }
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  return () => dynamodb.stop();
};
