import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, describe, expect, inject, it, vi } from 'vitest';
import { silentLogger } from '../../../../lambdas/contracts/logger.js';
import { localTableToCreate } from '../../../../local/cloud/dynamodb/table-input.js';
import {
  type EventSourceMappings,
  startEventSourceMappings,
} from '../../../../local/cloud/event-sources/start-event-source-mappings.js';
import { localDeploymentOf, templateStack } from '../../../../local/cloud/load-local-deployment.js';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import type { LocalDeployment, LocalEventSourceMapping } from '../../../../local/cloud/local-deployment.js';
import { createLocalQueues, type LocalSqs } from '../../../../local/cloud/sqs/create-local-queues.js';
import { ensureTables } from '../../../../local/dynamodb/create-tables.js';
import { localDynamoDbClient } from '../../../../local/dynamodb/local-dynamodb-client.js';
import { testCloudContext } from '../../../support/local-cloud-context.js';
import { type RecordedInvocation, recordingFunctions } from '../../../support/recording-functions.js';

const template = JSON.parse(readFileSync('test/fixtures/local-cloud/event-sources.template.json', 'utf8'));
const loaded = localDeploymentOf([templateStack(template, 'Sources')], 'test/fixtures/local-cloud');
const endpoint = inject('dynamodbEndpoint');
const client = localDynamoDbClient(endpoint);
const running: { sqs: LocalSqs; mappings: EventSourceMappings }[] = [];

afterEach(async () => {
  for (const { sqs, mappings } of running.splice(0)) {
    await mappings.close();
    await sqs.close();
  }
});
afterAll(() => client.destroy());

type Respond = (invocation: RecordedInvocation, index: number) => unknown;

/** The fixture's stream mapping on a table of its own, changed as the test needs, and a writer to it. */
async function start(respond: Respond, change: Partial<LocalEventSourceMapping> = {}) {
  const tableName = `es-${randomUUID()}`;
  const table = loaded.tables[0];
  const mapping = loaded.eventSourceMappings.find((candidate) => candidate.source.kind === 'tableStream');
  if (table === undefined || mapping === undefined)
    throw new Error('the fixture has a table and its stream mapping');
  await ensureTables(client, [localTableToCreate({ ...table, tableName })]);
  const deployment: LocalDeployment = {
    ...loaded,
    tables: [{ ...table, tableName }],
    eventSourceMappings: [{ ...mapping, source: { ...mapping.source, name: tableName }, ...change }],
  };
  const functions = recordingFunctions(respond);
  const context = testCloudContext(deployment, { functions }, { clock: new LocalClock({ running: true }) });
  const sqs = createLocalQueues(context);
  const fullContext = { ...context, queues: () => sqs.queues };
  const put = (pk: string, fields: Record<string, string> = {}) =>
    client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: {
          pk: { S: pk },
          ...Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, { S: value }])),
        },
      }),
    );
  const writeAll = async (count: number) => {
    for (let index = 0; index < count; index += 1) await put(`item-${String(index).padStart(3, '0')}`);
  };
  const begin = async () => {
    const mappings = await startEventSourceMappings(fullContext, {
      queues: sqs.registry,
      dynamoDbEndpoint: endpoint,
      logger: silentLogger,
    });
    running.push({ sqs, mappings });
    return mappings;
  };
  const keysOf = (records: readonly Record<string, unknown>[]) =>
    records.map(
      (record) =>
        (record.dynamodb as Record<string, Record<string, Record<string, string>>>).Keys?.pk?.S ?? '',
    );
  const delivered = () => functions.invocations.flatMap((invocation) => keysOf(invocation.event.Records));
  return { functions, sqs, put, writeAll, begin, keysOf, delivered, context };
}

const expected = (count: number) =>
  Array.from({ length: count }, (_, index) => `item-${String(index).padStart(3, '0')}`);

describe('DynamoDB stream → function mappings', () => {
  it('delivers every change in shard order, in batches of at most the batch size', async () => {
    const { functions, writeAll, begin, delivered } = await start(() => null);
    await writeAll(25);
    await begin();
    await vi.waitFor(() => expect(delivered()).toEqual(expected(25)), { timeout: 10_000 });
    expect(functions.invocations.every((invocation) => invocation.event.Records.length <= 10)).toBe(true);
    const [record] = functions.invocations[0]?.event.Records ?? [];
    expect(record).toMatchObject({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      eventSourceARN: expect.stringContaining('/stream/'),
      dynamodb: { NewImage: { pk: { S: 'item-000' } }, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
  });

  it('starts at the latest change when the mapping says LATEST', async () => {
    const { put, begin, delivered } = await start(() => null, { startingPosition: 'LATEST' });
    await put('before');
    await begin();
    await put('after');
    await vi.waitFor(() => expect(delivered()).toEqual(['after']), { timeout: 10_000 });
  });

  it('retries from the lowest failed sequence number of a partial batch response', async () => {
    let failed = false;
    const { writeAll, begin, delivered, functions } = await start(
      (invocation) => {
        const third = invocation.event.Records[2];
        if (failed || third === undefined) return { batchItemFailures: [] };
        failed = true;
        const sequenceNumber = (third.dynamodb as Record<string, string>).SequenceNumber;
        return { batchItemFailures: [{ itemIdentifier: sequenceNumber }] };
      },
      { reportBatchItemFailures: true, batchSize: 5 },
    );
    await writeAll(5);
    await begin();
    await vi.waitFor(() => expect(functions.invocations).toHaveLength(2), { timeout: 10_000 });
    expect(delivered()).toEqual([...expected(5), ...expected(5).slice(2)]);
  });

  it('bisects a failing batch down to the poison record, sends it to the on-failure queue and goes on', async () => {
    const poisoned = (invocation: RecordedInvocation) =>
      invocation.event.Records.some((record) => JSON.stringify(record.dynamodb).includes('item-005'));
    const { writeAll, begin, functions, sqs } = await start(
      (invocation) => (poisoned(invocation) ? 'throw' : null),
      {
        bisectBatchOnFunctionError: true,
        maximumRetryAttempts: 1,
      },
    );
    await writeAll(8);
    await begin();
    const failures = sqs.registry.get('stream-failures');
    await vi.waitFor(() => expect(failures.counts().visible).toBe(1), { timeout: 10_000 });
    const [failure] = failures.messages();
    expect(JSON.parse(failure?.body ?? '{}')).toMatchObject({
      requestContext: {
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: 2,
        functionArn: expect.stringContaining(':function:consumer'),
      },
      responseContext: { functionError: 'Unhandled' },
      version: '1.0',
      DDBStreamBatchInfo: {
        batchSize: 1,
        shardId: expect.any(String),
        streamArn: expect.stringContaining('/stream/'),
      },
    });
    const succeeded = functions.invocations.filter((invocation) => !poisoned(invocation));
    const keys = succeeded.flatMap((invocation) =>
      invocation.event.Records.map((record) => JSON.stringify(record.dynamodb)),
    );
    expect(
      expected(8)
        .filter((key) => key !== 'item-005')
        .every((key) => keys.some((record) => record.includes(key))),
    ).toBe(true);
  });

  it('gives up on a batch after its retries, describing it to the on-failure queue, and reads on', async () => {
    const { put, begin, sqs, delivered } = await start((invocation) =>
      JSON.stringify(invocation.event.Records).includes('poison') ? 'throw' : null,
    );
    await put('poison');
    await begin();
    const failures = sqs.registry.get('stream-failures');
    await vi.waitFor(() => expect(failures.counts().visible).toBe(1), { timeout: 10_000 });
    const failure = JSON.parse(failures.messages()[0]?.body ?? '{}');
    expect(failure.requestContext).toMatchObject({
      condition: 'RetryAttemptsExhausted',
      approximateInvokeCount: 3,
    });
    await put('healthy');
    await vi.waitFor(() => expect(delivered().filter((key) => key === 'healthy')).toEqual(['healthy']), {
      timeout: 10_000,
    });
    expect(delivered().filter((key) => key === 'poison')).toHaveLength(3);
  });

  it('discards a batch older than the maximum record age on the clock', async () => {
    const { put, begin, sqs, context, functions } = await start(() => 'throw', {
      maximumRetryAttempts: undefined,
      maximumRecordAgeSeconds: 60,
    });
    await put('stale');
    await begin();
    await vi.waitFor(() => expect(functions.invocations.length).toBeGreaterThan(0), { timeout: 10_000 });
    await context.clock.advance('61s');
    const failures = sqs.registry.get('stream-failures');
    await vi.waitFor(() => expect(failures.counts().visible).toBe(1), { timeout: 10_000 });
    expect(JSON.parse(failures.messages()[0]?.body ?? '{}').requestContext.condition).toBe(
      'RecordAgeExceeded',
    );
  });

  it('hands the function only the changes its filters match', async () => {
    const { put, begin, delivered } = await start(() => null, {
      filters: [{ eventName: ['INSERT'], dynamodb: { NewImage: { kind: { S: ['order'] } } } }],
    });
    await begin();
    await put('a', { kind: 'order' });
    await put('b', { kind: 'noise' });
    await put('a', { kind: 'order', note: 'changed' });
    await put('c', { kind: 'order' });
    await vi.waitFor(() => expect(delivered()).toEqual(['a', 'c']), { timeout: 10_000 });
  });

  it('reaches the function within milliseconds of a write', async () => {
    const { put, begin, functions } = await start(() => null, { startingPosition: 'LATEST' });
    await begin();
    const latencies: number[] = [];
    const afterWrite: number[] = [];
    const writes: number[] = [];
    for (let index = 0; index < 30; index += 1) {
      const before = functions.invocations.length;
      const started = performance.now();
      await put(`timed-${index}`);
      const written = performance.now();
      writes.push(written - started);
      await vi.waitFor(() => expect(functions.invocations.length).toBeGreaterThan(before), {
        timeout: 5_000,
        interval: 1,
      });
      latencies.push(performance.now() - started);
      afterWrite.push(performance.now() - written);
    }
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.POSITIVE_INFINITY;
    const stream = median(afterWrite);
    console.log(
      `stream record → function: PutItem sent → invoked p50 ${median(latencies).toFixed(1)} ms (PutItem alone ${median(writes).toFixed(1)} ms, written → invoked ${stream.toFixed(1)} ms)`,
    );
    // Loose enough for two busy cores; a poller idling 100 ms between reads would fail it.
    expect(stream).toBeLessThan(60);
  });
});
