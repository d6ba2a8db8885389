import { describe, expect, it } from 'vitest';
import { orderBill, orderRates } from '../../../local/cost/order-bill.js';
import { PRICES } from '../../../local/cost/prices.js';
import { quotaCapacity } from '../../../local/cost/quota-capacity.js';
import type { OrderRunMeasurement } from '../../../local/cost/scripted-order-run.js';
import type { TemplateCostInputs } from '../../../local/cost/template-cost-inputs.js';

const fn = (agentType: string, memoryMb = 512) => ({
  logicalId: agentType,
  functionName: `AgentBridge-${agentType}`,
  memoryMb,
  architecture: 'arm64',
  assetDir: undefined,
  environment: {},
  agentType,
  writesIdempotency: true,
});

const inputs = (sagaType: 'STANDARD' | 'EXPRESS'): TemplateCostInputs => ({
  functions: [fn('payment'), fn('outbox')],
  machines: [
    {
      name: 'AgentBridge-order-saga',
      type: sagaType,
      logLevel: 'ERROR',
      includeExecutionData: false,
      tracing: false,
      taskResources: new Map([['Charge', 'arn:aws:states:::lambda:invoke']]),
    },
    {
      name: 'AgentBridge-order-lifecycle',
      type: 'STANDARD',
      logLevel: 'ALL',
      includeExecutionData: false,
      tracing: false,
      taskResources: new Map([['AwaitPayment', 'arn:aws:states:::lambda:invoke.waitForTaskToken']]),
    },
  ],
  streamConsumers: [
    {
      agentType: 'outbox',
      table: 'agentbridge-event-store',
      filterPatterns: ['{"eventName":["INSERT"],"dynamodb":{"NewImage":{"kind":{"S":["event"]}}}}'],
      batchSize: 100,
    },
  ],
});

const entered = (stateName: string) => ({ type: 'StateEntered', timestamp: 0, stateName });

/** Two delivered orders: each a saga of two states and a lifecycle of three, one charge, one event stored. */
const run: OrderRunMeasurement = {
  orders: 2,
  invocations: ['o-1', 'o-2'].map((orderId) => ({
    agentType: 'payment',
    messageType: 'ChargePayment',
    messageId: `m-${orderId}`,
    correlationId: orderId,
    result: {},
    stateful: false,
  })),
  executions: ['o-1', 'o-2'].flatMap(() => [
    { machine: 'order-saga', history: [entered('Charge'), entered('Done')] },
    {
      machine: 'order-lifecycle',
      history: [
        entered('AwaitPayment'),
        entered('Paid'),
        entered('Delivered'),
        { type: 'ExecutionSucceeded', timestamp: 0 },
      ],
    },
  ]),
  busEvents: [
    { type: 'OrderRequested', sender: undefined, bytes: 300 },
    { type: 'OrderRequested', sender: undefined, bytes: 70_000 },
  ],
  capacity: [
    {
      table: 'agentbridge-payments',
      operation: 'PutItemCommand',
      kind: 'write',
      units: 2,
      fn: 'payment',
      correlationId: 'o-1',
      keys: ['sku#KEYBOARD'],
    },
    {
      table: 'agentbridge-payments',
      operation: 'PutItemCommand',
      kind: 'write',
      units: 2,
      fn: 'payment',
      correlationId: 'o-2',
      keys: ['sku#KEYBOARD'],
    },
    {
      table: 'agentbridge-payments',
      operation: 'GetItemCommand',
      kind: 'read',
      units: 0.5,
      fn: 'payment',
      correlationId: 'o-1',
      keys: ['saga#1'],
    },
  ],
  written: [
    { table: 'agentbridge-event-store', item: { pk: { S: 'order-o-1' }, kind: { S: 'event' } } },
    {
      table: 'agentbridge-event-store',
      item: { pk: { S: 'order-o-1#snapshot#1' }, kind: { S: 'snapshot' } },
    },
  ],
  mismatches: [],
};

const line = (lines: ReturnType<typeof orderBill>, service: string) =>
  lines.find((l) => l.service === service);

describe('the bill per million delivered orders', () => {
  it('bills Standard transitions (states entered and retries) per order, at $25 per million', () => {
    const lines = orderBill(orderRates(run, inputs('STANDARD')), inputs('STANDARD'));
    expect(line(lines, 'Step Functions Standard')?.usdPerMillion).toBeCloseTo(
      5 * PRICES.sfnStandardTransition * 1e6,
    );
    expect(line(lines, 'Step Functions Express')?.usdPerMillion).toBe(0);
  });

  it('bills an Express saga per request and per 100 ms of 64 MB instead of per transition', () => {
    const lines = orderBill(orderRates(run, inputs('EXPRESS')), inputs('EXPRESS'));
    expect(line(lines, 'Step Functions Standard')?.usdPerMillion).toBeCloseTo(3 * 25);
    // One task of 100 ms, 64 MB: $1 per million requests plus 0.1 s × 1/16 GB × $0.00001667.
    expect(line(lines, 'Step Functions Express')?.usdPerMillion).toBeCloseTo(
      1 + 0.1 * (64 / 1024) * 0.00001667 * 1e6,
    );
  });

  it('counts a stream consumer invocation only for the inserts its template filter admits', () => {
    const rates = orderRates(run, inputs('STANDARD'));
    expect(rates.invocationsByFunction.get('outbox')).toBe(0.5);
    expect(rates.invocationsByFunction.get('payment')).toBe(1);
  });

  it('counts an event over 64 KB as two chunks, and DynamoDB by the units it reported', () => {
    const rates = orderRates(run, inputs('STANDARD'));
    expect(rates.busEntries).toBe(1);
    expect(rates.busChunks).toBe(1.5);
    expect(rates.wru).toBe(2);
    expect(rates.rru).toBe(0.25);
  });

  it('logs only failure events at ERROR and every history event at ALL', () => {
    const rates = orderRates(run, inputs('STANDARD'));
    expect(rates.loggedMachineEvents.get('AgentBridge-order-saga') ?? 0).toBe(0);
    expect(rates.loggedMachineEvents.get('AgentBridge-order-lifecycle')).toBe(4);
  });
});

describe('the capacity at the default quotas', () => {
  it('binds first on open Standard executions when every order keeps a lifecycle open for days', () => {
    const capacity = quotaCapacity(orderRates(run, inputs('EXPRESS')), inputs('EXPRESS'), run);
    expect(capacity.binding.quota).toMatch(/open Standard executions/);
    // 1,000,000 open executions / (1 lifecycle × 5 days × 86,400 s).
    expect(capacity.binding.ordersPerSecond).toBeCloseTo(1_000_000 / (5 * 86_400));
  });

  it('charges the hottest item shared by orders with the units one order spends on it', () => {
    const capacity = quotaCapacity(orderRates(run, inputs('STANDARD')), inputs('STANDARD'), run);
    const partition = capacity.rows.find((row) => row.quota.startsWith('DynamoDB partition writes'));
    expect(partition?.perOrder).toBe(2);
    expect(partition?.ordersPerSecond).toBe(500);
  });

  it('charges the hottest item read by several orders against the 3,000 RCU of one partition', () => {
    const shared: OrderRunMeasurement = {
      ...run,
      capacity: ['o-1', 'o-2'].map((correlationId) => ({
        table: 'agentbridge-inventory',
        operation: 'GetItemCommand',
        kind: 'read' as const,
        units: 1.5,
        fn: 'inventory',
        correlationId,
        keys: ['sku#KEYBOARD'],
      })),
    };
    const capacity = quotaCapacity(orderRates(shared, inputs('EXPRESS')), inputs('EXPRESS'), shared);
    const partition = capacity.rows.find((row) => row.quota.startsWith('DynamoDB partition reads'));
    expect(partition?.quota).toContain('inventory sku#KEYBOARD');
    expect(partition?.ordersPerSecond).toBe(2_000);
  });

  it('sustains Standard state transitions at the 1,500 a second refill, not the 5,000 burst', () => {
    const capacity = quotaCapacity(orderRates(run, inputs('STANDARD')), inputs('STANDARD'), run);
    const transitions = capacity.rows.find((row) => row.quota.includes('state transitions'));
    // Five transitions per order (saga two, lifecycle three).
    expect(transitions?.ordersPerSecond).toBe(1_500 / 5);
  });
});
