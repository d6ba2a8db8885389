import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';

/**
 * A DynamoDB client for a DynamoDB Local endpoint. Region `local` and static `local`/`local` credentials
 * mean the SDK never looks up a profile, IMDS or STS, so nothing leaves the loopback interface; DynamoDB
 * Local runs with `-sharedDb`, so these fake credentials see the same tables as any other.
 *
 * @example
 * const client = localDynamoDbClient('http://127.0.0.1:43817');
 */
export const localDynamoDbClient = (
  endpoint: string,
  overrides: Partial<DynamoDBClientConfig> = {},
): DynamoDBClient =>
  new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    ...overrides,
  });
