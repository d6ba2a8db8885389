import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { AGENT_METRICS } from '../lambdas/contracts/agent-metrics.js';
import { defineMessage } from '../lambdas/contracts/message-type.js';
import { defineAgent } from '../lambdas/runtime/agent-definition.js';
import { AwsRuntime } from '../lambdas/runtime/aws/aws-runtime.js';
import { agentHandler } from '../lambdas/runtime/lambda/agent-handler.js';
import { InMemoryDeadLetterSink } from '../lambdas/runtime/lambda/dead-letter/in-memory-dead-letter-sink.js';
import { InMemoryPersistenceLayer } from '../lambdas/runtime/lambda/in-memory-persistence-layer.js';
import { TypeSubscription } from '../lambdas/runtime/type-subscription.js';
import { InMemoryAgentStateStore } from '../lambdas/stores/agent-state/in-memory/in-memory-agent-state-store.js';
import type { Bench } from './bench.js';

const OrderPlaced = defineMessage('bench.OrderPlaced', z.object({ orderId: z.string(), amount: z.number() }));
const WARMUP_EVENTS = 10_000;
const ROUNDS = 15;
const EVENTS_PER_ROUND = 1_000;

/**
 * Microseconds per call of `call`: the median of {@link ROUNDS} rounds after a warm-up long enough for V8 to
 * optimise the whole middy stack (about 5,000 events). The median keeps a round the machine spent on other
 * work from skewing the figure; both benches use it, so they compare.
 */
async function medianMicros(call: (n: number) => Promise<unknown>): Promise<number> {
  let n = 0;
  for (let i = 0; i < WARMUP_EVENTS; i++) await call(n++);
  const rounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    for (let i = 0; i < EVENTS_PER_ROUND; i++) await call(n++);
    rounds.push(((performance.now() - started) * 1_000) / EVENTS_PER_ROUND);
  }
  rounds.sort((a, b) => a - b);
  return rounds[Math.floor(ROUNDS / 2)] ?? Number.NaN;
}

/** The agent's handler body: the same function the bare baseline calls. */
const ledger = { total: 0 };
const onOrderPlaced = (msg: { orderId: string; amount: number }): void => {
  ledger.total += msg.amount;
};

export const context: Context = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'bench-fn',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:bench-fn',
  memoryLimitInMB: '1024',
  awsRequestId: 'bench-request',
  logGroupName: '/aws/lambda/bench-fn',
  logStreamName: 'bench',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

/** An agentbridge EventBridge event as the function receives it; each gets its own id (idempotency key). */
export const event = (n: number) => ({
  version: '0',
  id: `bench-${n}-${Math.random()}`,
  'detail-type': OrderPlaced.name,
  source: 'agentbridge.orders',
  account: '000000000000',
  time: '2026-11-24T18:00:00Z',
  region: 'us-east-1',
  resources: [],
  detail: {
    metadata: {
      id: `m-${n}`,
      type: OrderPlaced.name,
      topicType: 'order.placed',
      topicSource: `order-${n % 100}`,
      sender: 'orders/x',
      correlationId: 'c',
      causationId: 'c',
      time: '2026-11-24T18:00:00.000Z',
      schemaVersion: 1,
    },
    data: { orderId: `order-${n}`, amount: 1 },
  },
});

/**
 * Powertools as deployed with tracing off, quiet offline: logs at WARN, metrics disabled. The Tracer is loaded
 * with `AWS_XRAY_MANUAL_MODE`, as a function without active tracing should run it: in its default automatic
 * mode the X-Ray SDK installs a process-wide async hook (cls-hooked) that taxes every promise, traced or not.
 */
async function powertools(): Promise<{ logger: Logger; tracer: Tracer; metrics: Metrics }> {
  const saved = { ...process.env };
  process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  process.env.AWS_XRAY_MANUAL_MODE ??= 'true';
  try {
    const { Tracer } = await import('@aws-lambda-powertools/tracer');
    const logger = new Logger({ serviceName: 'bench' });
    return {
      logger,
      tracer: new Tracer({ serviceName: 'bench', enabled: false }),
      metrics: new Metrics({ namespace: AGENT_METRICS.namespace, serviceName: 'bench', logger }),
    };
  } finally {
    for (const name of ['POWERTOOLS_LOG_LEVEL', 'POWERTOOLS_METRICS_DISABLED', 'AWS_XRAY_MANUAL_MODE']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  }
}

export async function warmHandler() {
  const settings = { region: 'us-east-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } };
  const runtime = new AwsRuntime({
    eventBridge: new EventBridgeClient(settings),
    lambda: new LambdaClient(settings),
    config: {
      eventBusName: 'bench',
      source: 'agentbridge.bench',
      agentFunctions: new Map(),
      sendTimeoutMs: 1_000,
    },
    stateStore: new InMemoryAgentStateStore(),
  });
  return agentHandler({
    agentType: 'ledger',
    definition: defineAgent({ handlers: (on) => [on.event(OrderPlaced, onOrderPlaced)] }),
    subscriptions: [new TypeSubscription('order.placed', 'ledger')],
    deps: {
      runtime,
      ...(await powertools()),
      idempotency: new InMemoryPersistenceLayer(),
      deadLetters: new InMemoryDeadLetterSink(),
    },
  });
}

async function fullStack(): Promise<number> {
  const handler = await warmHandler();
  return medianMicros((n) => handler(event(n), context));
}

async function bareHandler(): Promise<number> {
  const handler = async (msg: { orderId: string; amount: number }): Promise<void> => onOrderPlaced(msg);
  return medianMicros((n) => handler(event(n).detail.data));
}

export const benches: Bench[] = [
  { name: 'handler.eventbridge.us_per_event', unit: 'us/event', run: fullStack },
  { name: 'baseline.bare_handler.us_per_event', unit: 'us/event', run: bareHandler },
];
