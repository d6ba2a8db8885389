import { randomUUID } from 'node:crypto';
import { DynamoDBClient, GetItemCommand, ListTablesCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import {
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Logger } from '../../../lambdas/contracts/logger.js';
import { ensureBundledCdkOut } from '../../../local/cdk-out/cdk-out-template.js';
import { LocalClock } from '../../../local/cloud/local-clock.js';
import type { DeploymentSummary } from '../../../local/cloud/local-cloud-admin.js';
import type { JournalEntry } from '../../../local/cloud/local-cloud-ports.js';
import { type LocalCloud, startLocalCloud } from '../../../local/cloud/start-local-cloud.js';
import { JavaMissingError } from '../../../local/dynamodb/dynamodb-local-error.js';

const warnings: string[] = [];
const logger: Logger = {
  warn: (message) => warnings.push(message),
  error: (message) => warnings.push(message),
};

describe('the local cloud started from the order system cdk.out', () => {
  let cloud: LocalCloud;
  let client: DynamoDBClient;
  let startMs = 0;

  beforeAll(async () => {
    const cdkOutDir = ensureBundledCdkOut();
    const started = performance.now();
    cloud = await startLocalCloud({
      cdkOutDir,
      dynamoDbEndpoint: inject('dynamodbEndpoint'),
      clock: new LocalClock(),
      logger,
    });
    startMs = performance.now() - started;
    console.log(`startLocalCloud on a running DynamoDB Local: ${startMs.toFixed(0)} ms`);
    client = new DynamoDBClient({
      endpoint: cloud.endpointUrl,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  }, 600_000);
  afterAll(async () => {
    client.destroy();
    await cloud?.close();
  });
  const admin = async (path: string, init?: RequestInit): Promise<Response> =>
    fetch(`${cloud.endpointUrl}/_agentbridge/${path}`, init);

  it('is ready in under five seconds', () => {
    expect(startMs).toBeLessThan(5_000);
  });

  it('lists every table of the deployment through its one endpoint and stores items in them', async () => {
    const names: string[] = [];
    for (let start: string | undefined; ; ) {
      const page = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
      names.push(...(page.TableNames ?? []));
      start = page.LastEvaluatedTableName;
      if (start === undefined) break;
    }
    const tables = cloud.deployment.tables;
    expect(tables).toHaveLength(10);
    expect(tables.map((table) => table.tableName).filter((name) => !names.includes(name))).toEqual([]);

    const [table] = tables;
    const id = randomUUID();
    const item = Object.fromEntries(
      (table?.keySchema ?? []).map((key) => {
        const type = table?.attributeDefinitions.find(
          (d) => d.attributeName === key.attributeName,
        )?.attributeType;
        return [key.attributeName, type === 'N' ? { N: '1' } : { S: id }];
      }),
    );
    await client.send(
      new PutItemCommand({ TableName: table?.tableName, Item: { ...item, note: { S: id } } }),
    );
    const got = await client.send(new GetItemCommand({ TableName: table?.tableName, Key: item }));
    expect(got.Item?.note).toEqual({ S: id });
  });

  it('lists the deployment for the CLI, queue URLs on its endpoint and each queue with what fails into it', async () => {
    const summary = (await (await admin('deployment')).json()) as DeploymentSummary;
    expect(summary.stacks).toEqual(['AgentBridge']);
    expect([
      summary.tables.length,
      summary.functions.length,
      summary.rules.length,
      summary.stateMachines.length,
    ]).toEqual([10, 9, 11, 2]);
    expect(
      summary.queues.filter((queue) => !queue.url.startsWith(`${cloud.endpointUrl}/000000000000/`)),
    ).toEqual([]);
    const rule = cloud.deployment.rules[0];
    const target = rule?.targets[0];
    const dlq = summary.queues.find((queue) => queue.arn === target?.deadLetterQueue?.arn);
    expect(dlq?.deadLetterQueueOf).toContain(`${rule?.name}/${target?.id}`);
    expect(summary.notModelled.some((line) => line.includes('AWS::IAM::Role'))).toBe(true);
  });

  it('sends and receives on a deployment queue through the SQS client, its URL on the endpoint', async () => {
    const sqs = new SQSClient({
      endpoint: cloud.endpointUrl,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    try {
      const queue = cloud.deployment.queues.find((candidate) => !candidate.fifo);
      const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: queue?.name }));
      expect(QueueUrl).toBe(`${cloud.endpointUrl}/000000000000/${queue?.name}`);
      const body = JSON.stringify({ probe: randomUUID() });
      await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: body }));
      const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
      expect(received.Messages?.map((message) => message.Body)).toContain(body);
    } finally {
      sqs.destroy();
    }
  });

  it('logs what it does not model once, at start-up', () => {
    expect(warnings.filter((line) => line.startsWith('Not modelled by the local cloud:'))).toHaveLength(1);
  });

  it("advances the cloud's clock through the admin route and answers its new time", async () => {
    const before = cloud.clock.now();
    const response = await admin('clock/advance', {
      method: 'POST',
      body: JSON.stringify({ duration: '3d' }),
    });
    expect(await response.json()).toEqual({ now: before + 3 * 86_400_000 });
    const bad = await admin('clock/advance', { method: 'POST', body: JSON.stringify({ duration: 'soon' }) });
    expect([bad.status, ((await bad.json()) as { __type: string }).__type]).toEqual([
      400,
      'ValidationException',
    ]);
    expect(cloud.clock.now()).toBe(before + 3 * 86_400_000);
  });

  it('switches duplicate deliveries through the admin route, and refuses a body that is not a switch', async () => {
    const on = await admin('faults', { method: 'PUT', body: JSON.stringify({ duplicateDeliveries: true }) });
    expect([on.status, await on.json(), cloud.faults.duplicateDeliveries]).toEqual([
      200,
      { duplicateDeliveries: true },
      true,
    ]);
    const bad = await admin('faults', {
      method: 'PUT',
      body: JSON.stringify({ duplicateDeliveries: 'yes' }),
    });
    expect(bad.status).toBe(400);
    await admin('faults', { method: 'PUT', body: JSON.stringify({ duplicateDeliveries: false }) });
    expect(cloud.faults.duplicateDeliveries).toBe(false);
  });

  it('answers the journal, all of it or the entries containing a text', async () => {
    cloud.journal.record({
      service: 'events',
      action: 'PutEvents',
      resource: 'bus',
      payload: '{"orderId":"o-17"}',
    });
    cloud.journal.record({
      service: 'events',
      action: 'PutEvents',
      resource: 'bus',
      payload: '{"orderId":"o-18"}',
    });
    const all = (await (await admin('journal')).json()) as JournalEntry[];
    const one = (await (await admin('journal?contains=o-17')).json()) as JournalEntry[];
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(one.map((entry) => entry.payload)).toEqual(['{"orderId":"o-17"}']);
  });
});

describe('the local cloud without Java', () => {
  it('fails with the one-line JavaMissingError when it would have to start DynamoDB Local', async () => {
    const cdkOutDir = ensureBundledCdkOut();
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(startLocalCloud({ cdkOutDir, logger })).rejects.toBeInstanceOf(JavaMissingError);
    } finally {
      process.env.PATH = path;
    }
  });
});
