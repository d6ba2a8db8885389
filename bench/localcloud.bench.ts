import { performance } from 'node:perf_hooks';
import {
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
} from '@aws-sdk/client-dynamodb';
import { silentLogger } from '../lambdas/contracts/logger.js';
import { ensureBundledCdkOut } from '../local/cdk-out/cdk-out-template.js';
import type { JournalEntry } from '../local/cloud/local-cloud-ports.js';
import { startLocalCloudTarget } from '../local/demo/local-cloud-target.js';
import { percentile } from '../local/demo/percentile.js';
import type { Bench, BenchResult } from './bench.js';

const SKU = 'KEYBOARD';
const SEQUENTIAL = 40;
const CONCURRENT = 200;
const IN_FLIGHT = 20;
let sequence = 0;
const orderOf = (orderId: string) => ({
  orderId,
  userId: 'u-bench',
  items: [{ sku: SKU, quantity: 1, unitPrice: 8_900 }],
  payment: { cardToken: 'tok_visa' },
});

/**
 * The synthesized order stack on the local cloud: how long it takes from a synthesized cdk.out to ready
 * (DynamoDB Local started, tables created, functions loaded, endpoint listening), an order's latency from
 * OrderRequested on the bus to its saga's end (through rules, the Lambda host, Step Functions and DynamoDB
 * Local), one order at a time, and the orders per second with 20 in flight. Beside them, where an order's
 * time goes: the function invocations per order and their median duration (from the cloud's journal), and
 * the median latency of one DynamoDB Local read, which every store call of every invocation pays.
 */
async function localCloud(): Promise<BenchResult[]> {
  const cdkOutDir = ensureBundledCdkOut();
  const started = performance.now();
  const target = await startLocalCloudTarget({ cdkOutDir, logger: silentLogger });
  const startSeconds = (performance.now() - started) / 1000;
  try {
    await target.restock(SKU, 1_000_000);
    await target.addUser({ userId: 'u-bench', name: 'Bench', email: 'bench@example.com' });
    const one = async (): Promise<number> => {
      const orderId = `o-bench-${++sequence}`;
      const begun = performance.now();
      await target.placeOrder(orderOf(orderId));
      const saga = await target.waitForSaga(orderId);
      if (saga.status !== 'SUCCEEDED') throw new Error(`${orderId}: saga ${saga.status} ${saga.error ?? ''}`);
      return performance.now() - begun;
    };
    await one(); // warms every function's first execution environment
    const latencies: number[] = [];
    const journalFrom = target.cloud.journal.entries().length;
    for (let index = 0; index < SEQUENTIAL; index++) latencies.push(await one());
    const invocations = invocationDurations(target.cloud.journal.entries().slice(journalFrom));
    const readMs = await dynamoDbReadLatencies(target.cloud.dynamoDbEndpoint);
    const throughputStarted = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next++ < CONCURRENT) await one();
      }),
    );
    const ordersPerSecond = CONCURRENT / ((performance.now() - throughputStarted) / 1000);
    return [
      { name: 'localcloud.start.s', value: startSeconds, unit: 's' },
      { name: 'localcloud.order.p50_ms', value: percentile(latencies, 50) ?? Number.NaN, unit: 'ms' },
      { name: 'localcloud.order.p99_ms', value: percentile(latencies, 99) ?? Number.NaN, unit: 'ms' },
      { name: 'localcloud.orders_per_s', value: ordersPerSecond, unit: 'orders/s' },
      { name: 'localcloud.order.invocations', value: invocations.length / SEQUENTIAL, unit: 'invocations' },
      { name: 'localcloud.invocation.p50_ms', value: percentile(invocations, 50) ?? Number.NaN, unit: 'ms' },
      { name: 'localcloud.dynamodb.read_p50_ms', value: percentile(readMs, 50) ?? Number.NaN, unit: 'ms' },
    ];
  } finally {
    await target.close();
  }
}

/** How long each function invocation the journal shows took, from Invoked to its outcome, by request id. */
function invocationDurations(entries: readonly JournalEntry[]): number[] {
  const invoked = new Map<string, number>();
  const durations: number[] = [];
  for (const entry of entries) {
    if (entry.service !== 'lambda' || entry.detail === undefined) continue;
    if (entry.action === 'Invoked') invoked.set(entry.detail, entry.at);
    const began = invoked.get(entry.detail);
    if ((entry.action === 'Succeeded' || entry.action === 'Failed') && began !== undefined) {
      durations.push(entry.at - began);
    }
  }
  return durations;
}

/** 200 reads of one absent item from a table of DynamoDB Local, each timed. */
async function dynamoDbReadLatencies(endpoint: string): Promise<number[]> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const { TableNames = [] } = await client.send(new ListTablesCommand({}));
    const TableName = TableNames[0];
    if (TableName === undefined) return [];
    const { Table } = await client.send(new DescribeTableCommand({ TableName }));
    const Key = Object.fromEntries(
      (Table?.KeySchema ?? []).map((key) => [
        key.AttributeName ?? '',
        Table?.AttributeDefinitions?.find((a) => a.AttributeName === key.AttributeName)?.AttributeType === 'N'
          ? { N: '0' }
          : { S: 'bench-absent' },
      ]),
    );
    const times: number[] = [];
    for (let index = 0; index < 200; index++) {
      const begun = performance.now();
      await client.send(new GetItemCommand({ TableName, Key }));
      times.push(performance.now() - begun);
    }
    return times;
  } finally {
    client.destroy();
  }
}

export const benches: readonly Bench[] = [{ name: 'localcloud', unit: 'mixed', run: localCloud }];
