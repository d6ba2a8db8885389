import { DescribeTableCommand, DescribeTimeToLiveCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { ALL_TABLES } from '../../../lambdas/contracts/tables/all-tables.js';
import { IDEMPOTENCY_TABLE } from '../../../lambdas/contracts/tables/idempotency-table.js';
import { testDynamoClients } from '../../support/dynamodb.js';

describe('DynamoDB Local harness', () => {
  const { client } = testDynamoClients();

  it('serves DynamoDB Local on a loopback endpoint', () => {
    expect(inject('dynamodbEndpoint')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('creates every contract table', async () => {
    const { TableNames } = await client.send(new ListTablesCommand({}));
    expect(TableNames).toEqual(expect.arrayContaining(ALL_TABLES.map((table) => table.localName)));
  });

  it('creates each table on demand with the contract keys, indexes and stream', async () => {
    for (const table of ALL_TABLES) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: table.localName }));
      expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
      expect(Table?.KeySchema).toEqual([
        { AttributeName: table.partitionKey.name, KeyType: 'HASH' },
        ...(table.sortKey === undefined ? [] : [{ AttributeName: table.sortKey.name, KeyType: 'RANGE' }]),
      ]);
      expect((Table?.GlobalSecondaryIndexes ?? []).map((gsi) => gsi.IndexName).sort()).toEqual(
        (table.globalSecondaryIndexes ?? []).map((gsi) => gsi.indexName).sort(),
      );
      expect(Table?.StreamSpecification?.StreamViewType).toBe(table.stream);
    }
  });

  it('enables TTL on the attribute a table definition names', async () => {
    const { TimeToLiveDescription } = await client.send(
      new DescribeTimeToLiveCommand({ TableName: IDEMPOTENCY_TABLE.localName }),
    );
    expect(TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiration' });
  });
});
