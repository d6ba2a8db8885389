import { describe, expect, it } from 'vitest';
import type {
  ExecutionStarter,
  ExecutionStartRequest,
} from '../../../../lambdas/agents/saga-starter/execution-starter-port.js';
import { sagaStarterAgent } from '../../../../lambdas/agents/saga-starter/saga-starter-agent.js';
import {
  ExecutionAlreadyStartedError,
  ExecutionStartUnavailableError,
} from '../../../../lambdas/agents/saga-starter/saga-starter-error.js';
import { SAGA_STARTER_SUBSCRIPTIONS } from '../../../../lambdas/agents/saga-starter/saga-starter-subscriptions.js';
import { OrderRequested } from '../../../../lambdas/contracts/order/order-messages.js';
import { SAGA_STARTER_AGENT_TYPE } from '../../../../lambdas/contracts/order/order-saga-io.js';
import { TOPICS } from '../../../../lambdas/contracts/topics.js';
import { InProcessRuntime } from '../../../../lambdas/runtime/in-process-runtime.js';
import { TopicId } from '../../../../lambdas/runtime/topic-id.js';

/** A Step Functions stand-in: names are unique, a second start of a name is ExecutionAlreadyStartedError. */
class RecordingStarter implements ExecutionStarter {
  readonly started: ExecutionStartRequest[] = [];
  failNext: Error | undefined;

  async start(request: ExecutionStartRequest): Promise<{ executionArn: string }> {
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure !== undefined) throw failure;
    if (this.started.some(({ name }) => name === request.name)) {
      throw new ExecutionAlreadyStartedError(request.name);
    }
    this.started.push(request);
    return { executionArn: `arn:exec:${request.name}` };
  }
}

const order = {
  orderId: 'o-1',
  userId: 'u-1',
  items: [{ sku: 'A', quantity: 2, unitPrice: 250 }],
  payment: { cardToken: 'tok_ok' },
};

const start = async () => {
  const starter = new RecordingStarter();
  const errors: unknown[] = [];
  const warnings: string[] = [];
  const runtime = new InProcessRuntime({
    logger: { warn() {}, error: (_message, extra) => errors.push(extra?.error) },
  });
  await runtime.register(
    SAGA_STARTER_AGENT_TYPE,
    sagaStarterAgent(starter, { logger: { warn: (message) => warnings.push(message) } }),
  );
  for (const subscription of SAGA_STARTER_SUBSCRIPTIONS) await runtime.addSubscription(subscription);
  const publish = async (topicType: string) => {
    await runtime.publish(OrderRequested, OrderRequested.schema.parse(order), new TopicId(topicType, 'o-1'));
    await runtime.waitUntilIdle();
  };
  return { starter, errors, warnings, publish };
};

describe('saga starter agent', () => {
  it('starts the order saga named after the order id, with the order as input', async () => {
    const { starter, publish } = await start();
    await publish(TOPICS.orderRequested);
    expect(starter.started).toEqual([{ name: 'o-1', input: OrderRequested.schema.parse(order) }]);
  });

  it('hears a bare OrderRequested from another service on its detail-type topic', async () => {
    const { starter, publish } = await start();
    await publish(OrderRequested.name);
    expect(starter.started.map(({ name }) => name)).toEqual(['o-1']);
  });

  it('succeeds quietly on a duplicate delivery: the saga of the order exists already', async () => {
    const { starter, errors, warnings, publish } = await start();
    await publish(TOPICS.orderRequested);
    await publish(TOPICS.orderRequested);
    expect(starter.started).toHaveLength(1);
    expect(errors).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it('lets a transient failure escape, so the event is redelivered', async () => {
    const { starter, errors, publish } = await start();
    const throttled = new ExecutionStartUnavailableError('o-1', { cause: new Error('throttled') });
    starter.failNext = throttled;
    await publish(TOPICS.orderRequested);
    expect(errors).toEqual([throttled]);
    expect(starter.started).toEqual([]);
  });

  it('handles OrderRequested as an event only (nothing to send it)', async () => {
    const definition = sagaStarterAgent(new RecordingStarter());
    expect([...definition.routes.keys()]).toEqual([OrderRequested.name]);
    expect(definition.routes.get(OrderRequested.name)?.map(({ kind }) => kind)).toEqual(['event']);
  });
});
