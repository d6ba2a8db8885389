import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { silentLogger } from '../../../../lambdas/contracts/logger.js';
import { createLocalDynamoDb, type LocalDynamoDb } from '../../../../local/cloud/dynamodb/local-dynamodb.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../../local/cloud/endpoint/aws-endpoint.js';
import { localDeploymentOf, templateStack } from '../../../../local/cloud/load-local-deployment.js';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import { testCloudContext } from '../../../support/local-cloud-context.js';

const template = JSON.parse(
  readFileSync(
    new URL('../../../fixtures/local-cloud/dynamodb-tables.template.json', import.meta.url),
    'utf8',
  ),
);
const deployment = localDeploymentOf([templateStack(template, 'Stack')], '.');
const DAY_S = 86_400;

/** One call of the DynamoDB Streams API through the endpoint, as the JSON protocol sends it. */
const streams = async (url: string, operation: string, input: object): Promise<Record<string, unknown>> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDBStreams_20120810.${operation}`,
      // DynamoDB Local wants a credential scope but checks no signature.
      authorization:
        'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Record<string, unknown>;
};

describe('DynamoDB through the local cloud endpoint', () => {
  // Not in the past: DynamoDB Local itself deletes items whose TTL wall time has passed.
  const clock = new LocalClock();
  const context = testCloudContext(deployment, {}, { clock });
  let dynamodb: LocalDynamoDb;
  let endpoint: AwsEndpoint;
  let client: DynamoDBClient;

  beforeAll(async () => {
    dynamodb = await createLocalDynamoDb(context, {
      endpoint: inject('dynamodbEndpoint'),
      logger: silentLogger,
    });
    endpoint = await startAwsEndpoint({ services: [dynamodb.service], logger: silentLogger });
    client = new DynamoDBClient({
      endpoint: endpoint.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });
  afterAll(async () => {
    client.destroy();
    await endpoint.close();
    await dynamodb.close();
  });

  it("creates the template's tables with their keys, indexes, billing, stream and TTL", async () => {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: 'fixture-sessions' }));
    expect({
      keys: Table?.KeySchema,
      billing: Table?.BillingModeSummary?.BillingMode ?? 'PROVISIONED',
      gsi: Table?.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.Projection]),
      lsi: Table?.LocalSecondaryIndexes?.map((index) => [index.IndexName, index.Projection?.ProjectionType]),
      stream: Table?.StreamSpecification,
    }).toEqual({
      keys: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      billing: 'PROVISIONED',
      gsi: [['byOwner', { ProjectionType: 'INCLUDE', NonKeyAttributes: ['expiresAt'] }]],
      lsi: [['byStart', 'KEYS_ONLY']],
      stream: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: 'fixture-sessions' }));
    expect(ttl.TimeToLiveDescription).toMatchObject({
      AttributeName: 'expiresAt',
      TimeToLiveStatus: 'ENABLED',
    });
    const plain = await client.send(new DescribeTableCommand({ TableName: 'fixture-plain' }));
    expect(plain.Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it("relays DynamoDB Local's answer byte for byte, checksum included", async () => {
    const id = randomUUID();
    await client.send(
      new PutItemCommand({ TableName: 'fixture-plain', Item: { id: { S: id }, note: { S: 'é✓' } } }),
    );
    const ask = (url: string) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.GetItem',
        },
        body: JSON.stringify({ TableName: 'fixture-plain', Key: { id: { S: id } } }),
      });
    const [through, direct] = await Promise.all([ask(endpoint.url), ask(inject('dynamodbEndpoint'))]);
    expect([through.status, through.headers.get('x-amz-crc32'), await through.text()]).toEqual([
      direct.status,
      direct.headers.get('x-amz-crc32'),
      await direct.text(),
    ]);
  });

  it("answers DynamoDB Local's errors as the SDK's named exceptions", async () => {
    const call = client.send(new GetItemCommand({ TableName: 'no-such-table', Key: { id: { S: 'x' } } }));
    await expect(call).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('deletes an item once the clock passes its TTL, with a REMOVE record on the stream', async () => {
    const nowS = Math.floor(clock.now() / 1000);
    const item = (pk: string, expiresAt: { N: string } | { S: string }) => ({
      pk: { S: pk },
      sk: { S: 'session' },
      owner: { S: 'ana' },
      startedAt: { N: String(nowS) },
      expiresAt,
    });
    const [soon, later, notANumber] = [randomUUID(), randomUUID(), randomUUID()];
    for (const put of [
      item(soon, { N: String(nowS + DAY_S) }),
      item(later, { N: String(nowS + 10 * DAY_S) }),
      item(notANumber, { S: String(nowS + DAY_S) }),
    ])
      await client.send(new PutItemCommand({ TableName: 'fixture-sessions', Item: put }));

    await clock.advance('3d');
    await dynamodb.idle();

    const present = async (pk: string) =>
      (
        await client.send(
          new GetItemCommand({ TableName: 'fixture-sessions', Key: { pk: { S: pk }, sk: { S: 'session' } } }),
        )
      ).Item !== undefined;
    expect([await present(soon), await present(later), await present(notANumber)]).toEqual([
      false,
      true,
      true,
    ]);
    expect(context.journal.entries().filter((entry) => entry.action === 'TtlExpired')).toEqual([
      expect.objectContaining({ resource: 'fixture-sessions', payload: expect.stringContaining(soon) }),
    ]);

    const { Table } = await client.send(new DescribeTableCommand({ TableName: 'fixture-sessions' }));
    const description = (await streams(endpoint.url, 'DescribeStream', { StreamArn: Table?.LatestStreamArn }))
      .StreamDescription as { Shards: { ShardId: string }[] };
    const records: { eventName: string; dynamodb: { Keys: { pk: { S: string } } } }[] = [];
    for (const shard of description.Shards) {
      const { ShardIterator } = await streams(endpoint.url, 'GetShardIterator', {
        StreamArn: Table?.LatestStreamArn,
        ShardId: shard.ShardId,
        ShardIteratorType: 'TRIM_HORIZON',
      });
      const page = await streams(endpoint.url, 'GetRecords', { ShardIterator });
      records.push(...(page.Records as typeof records));
    }
    expect(
      records.filter((record) => record.dynamodb.Keys.pk.S === soon).map((record) => record.eventName),
    ).toEqual(['INSERT', 'REMOVE']);
  });
});

describe('DynamoDB when DynamoDB Local does not answer', () => {
  it('answers ServiceUnavailable instead of failing the endpoint', async () => {
    const empty = localDeploymentOf([templateStack({ Resources: {} }, 'Empty')], '.');
    const dynamodb = await createLocalDynamoDb(testCloudContext(empty), {
      endpoint: 'http://127.0.0.1:9',
      logger: silentLogger,
    });
    const endpoint = await startAwsEndpoint({ services: [dynamodb.service], logger: silentLogger });
    const client = new DynamoDBClient({
      endpoint: endpoint.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    try {
      const call = client.send(new GetItemCommand({ TableName: 'any', Key: { id: { S: 'x' } } }));
      await expect(call).rejects.toMatchObject({
        name: 'ServiceUnavailable',
        $metadata: { httpStatusCode: 503 },
      });
    } finally {
      client.destroy();
      await endpoint.close();
      await dynamodb.close();
    }
  });
});
