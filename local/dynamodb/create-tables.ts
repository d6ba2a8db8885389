import {
  type AttributeDefinition,
  CreateTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { KeyAttribute, TableDefinition } from '../../lambdas/contracts/table-definition.js';
import { TableCreationError } from './dynamodb-local-error.js';

/**
 * The CreateTable request for a contract table definition: on-demand billing, the same keys, GSIs and
 * stream the CDK stack declares. TTL is not part of CreateTable; {@link createTables} enables it after.
 *
 * @example
 * await client.send(new CreateTableCommand(createTableInput(AGENT_STATE_TABLE)));
 */
export const createTableInput = (table: TableDefinition): CreateTableCommandInput => {
  const gsis = table.globalSecondaryIndexes ?? [];
  const keys: KeyAttribute[] = [table.partitionKey, ...(table.sortKey === undefined ? [] : [table.sortKey])];
  for (const gsi of gsis) keys.push(gsi.partitionKey, ...(gsi.sortKey === undefined ? [] : [gsi.sortKey]));
  // DynamoDB rejects an attribute defined twice, and a base-table key is often reused by an index.
  const attributes = new Map<string, AttributeDefinition>();
  for (const key of keys) attributes.set(key.name, { AttributeName: key.name, AttributeType: key.type });

  return {
    TableName: table.localName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes.values()],
    KeySchema: keySchema(table.partitionKey, table.sortKey),
    ...(gsis.length === 0
      ? {}
      : {
          GlobalSecondaryIndexes: gsis.map((gsi) => ({
            IndexName: gsi.indexName,
            KeySchema: keySchema(gsi.partitionKey, gsi.sortKey),
            Projection: { ProjectionType: gsi.projection },
          })),
        }),
    ...(table.stream === undefined
      ? {}
      : { StreamSpecification: { StreamEnabled: true, StreamViewType: table.stream } }),
  };
};

const keySchema = (partitionKey: KeyAttribute, sortKey: KeyAttribute | undefined) => [
  { AttributeName: partitionKey.name, KeyType: 'HASH' as const },
  ...(sortKey === undefined ? [] : [{ AttributeName: sortKey.name, KeyType: 'RANGE' as const }]),
];

/** One table to create: the CreateTable request and, when TTL is on, the attribute to enable it for. */
export interface TableToCreate {
  readonly input: CreateTableCommandInput & { readonly TableName: string };
  readonly timeToLiveAttribute?: string | undefined;
}

/**
 * Creates every table (in parallel) and enables TTL where a definition names a TTL attribute. A table that
 * already exists is left as it is, so the local cloud can call this on every start. No tables, no calls.
 *
 * @example
 * await createTables(localDynamoDbClient(endpoint), ALL_TABLES);
 */
export const createTables = async (
  client: DynamoDBClient,
  tables: readonly TableDefinition[],
): Promise<void> => {
  await ensureTables(
    client,
    tables.map((table) => ({
      input: { ...createTableInput(table), TableName: table.localName },
      timeToLiveAttribute: table.timeToLiveAttribute,
    })),
  );
};

/**
 * Creates each table from its CreateTable request, waits until it is active and enables its TTL; a table
 * that already exists is left as it is. What {@link createTables} does for contract definitions, for any
 * request (the local cloud's tables from a template: LSIs, provisioned billing, INCLUDE projections).
 */
export const ensureTables = async (
  client: DynamoDBClient,
  tables: readonly TableToCreate[],
): Promise<void> => {
  await Promise.all(tables.map((table) => createTable(client, table)));
};

const createTable = async (client: DynamoDBClient, table: TableToCreate): Promise<void> => {
  const name = table.input.TableName;
  try {
    await client.send(new CreateTableCommand(table.input));
  } catch (error) {
    if (error instanceof ResourceInUseException) return;
    throw new TableCreationError(name, { cause: error });
  }
  try {
    await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 2 }, { TableName: name });
    if (table.timeToLiveAttribute !== undefined) {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: name,
          TimeToLiveSpecification: { Enabled: true, AttributeName: table.timeToLiveAttribute },
        }),
      );
    }
  } catch (error) {
    throw new TableCreationError(name, { cause: error });
  }
};
