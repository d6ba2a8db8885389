import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { localDynamoDbClient } from '../../local/dynamodb/local-dynamodb-client.js';

export interface TestDynamoClients {
  readonly client: DynamoDBClient;
  readonly documentClient: DynamoDBDocumentClient;
}

let clients: TestDynamoClients | undefined;

/**
 * Clients for the run's DynamoDB Local (started by test/setup/dynamodb-local.ts), created once per test
 * file (each file runs in its own module scope). Region `local` and fake credentials: nothing reaches AWS.
 * Tables are shared by all files running in parallel, so isolate tests by random keys.
 *
 * @example
 * const { documentClient } = testDynamoClients();
 * await documentClient.send(new PutCommand({ TableName: AGENT_STATE_TABLE.localName, Item: item }));
 */
export const testDynamoClients = (): TestDynamoClients => {
  if (clients === undefined) {
    const client = localDynamoDbClient(inject('dynamodbEndpoint'));
    clients = {
      client,
      // Default marshalling, exactly as a handler builds it, so adapters are tested as deployed.
      documentClient: DynamoDBDocumentClient.from(client),
    };
  }
  return clients;
};
