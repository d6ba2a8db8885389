import { performance } from 'node:perf_hooks';
import { silentLogger } from '../lambdas/contracts/logger.js';
import { ensureBundledCdkOut } from '../local/cdk-out/cdk-out-template.js';
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
 * Local), one order at a time, and the orders per second with 20 in flight.
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
    for (let index = 0; index < SEQUENTIAL; index++) latencies.push(await one());
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
    ];
  } finally {
    await target.close();
  }
}

export const benches: readonly Bench[] = [{ name: 'localcloud', unit: 'mixed', run: localCloud }];
