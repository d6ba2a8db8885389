import { describe, expect, it, vi } from 'vitest';
import { ENVELOPE_SCHEMA_VERSION, type MessageMetadata } from '../../../../lambdas/contracts/envelope.js';
import { defineAgent } from '../../../../lambdas/runtime/agent-definition.js';
import { AgentId } from '../../../../lambdas/runtime/agent-id.js';
import { DELIVERY_ATTEMPTS } from '../../../../lambdas/runtime/aws/apply-once.js';
import { AwsRuntime } from '../../../../lambdas/runtime/aws/aws-runtime.js';
import { DeliveryConflictError } from '../../../../lambdas/runtime/aws/aws-runtime-error.js';
import type { PublishDelivery, SendDelivery } from '../../../../lambdas/runtime/aws/inbound-delivery.js';
import { TopicId } from '../../../../lambdas/runtime/topic-id.js';
import { TypeSubscription } from '../../../../lambdas/runtime/type-subscription.js';
import { InMemoryAgentStateStore } from '../../../../lambdas/stores/agent-state/in-memory/in-memory-agent-state-store.js';
import { Charge, Charged, testClients, testConfig } from './aws-runtime-fixtures.js';

const metadata = (type: string, overrides: Partial<MessageMetadata> = {}): MessageMetadata => ({
  id: `m-${Math.random()}`,
  type,
  topicType: 'payments',
  topicSource: 'order-1',
  correlationId: 'c',
  causationId: 'c',
  time: new Date().toISOString(),
  schemaVersion: ENVELOPE_SCHEMA_VERSION,
  ...overrides,
});
const send = (amount: number, key = 'order-1'): SendDelivery => ({
  kind: 'send',
  recipient: new AgentId('cashier', key),
  metadata: metadata(Charge.name),
  data: { amount },
  sender: undefined,
  signal: AbortSignal.timeout(1_000),
});
const publish = (topic: TopicId, sender?: AgentId): PublishDelivery => ({
  kind: 'publish',
  topic,
  metadata: metadata(Charged.name, { topicType: topic.type, topicSource: topic.source }),
  data: { amount: 1 },
  sender,
  signal: AbortSignal.timeout(1_000),
});

const cashier = defineAgent({
  state: () => ({ total: 0, seen: 0 }),
  handlers: (on) => [
    on.rpc(Charge, (msg, ctx) => {
      if (msg.amount > 100) throw new Error('limit exceeded');
      ctx.state.total += msg.amount;
      return { receipt: `r${ctx.state.total}` };
    }),
    on.rpc(Charged, (_msg, ctx) => ({ receipt: `total ${ctx.state.total}` })),
    on.event(Charged, (_msg, ctx) => void ctx.state.seen++),
  ],
});

function host(store = new InMemoryAgentStateStore()) {
  const warn = vi.fn();
  const runtime = new AwsRuntime({
    ...testClients(),
    config: testConfig(),
    stateStore: store,
    logger: { warn, error: vi.fn() },
  });
  runtime.host('cashier', cashier, [new TypeSubscription('payments', 'cashier')]);
  return { runtime, store, warn };
}

describe('AwsRuntime.dispatch (hosting)', () => {
  it('runs each delivery on the stored state and writes it back with the next version and its reply', async () => {
    const { runtime, store } = host();
    const [first, second] = [send(5), send(7)];
    await expect(runtime.dispatch(first)).resolves.toEqual({ kind: 'send', result: { receipt: 'r5' } });
    await expect(runtime.dispatch(second)).resolves.toEqual({ kind: 'send', result: { receipt: 'r12' } });
    await expect(store.get('cashier/order-1')).resolves.toEqual({
      state: { total: 12, seen: 0 },
      version: 2,
      applied: [
        { id: first.metadata.id, kind: 'reply', reply: { receipt: 'r5' } },
        { id: second.metadata.id, kind: 'reply', reply: { receipt: 'r12' } },
      ],
    });
  });

  it('answers a redelivered rpc with its first reply, without running the handler or writing', async () => {
    const { runtime, store } = host();
    const deposit = send(5);
    await runtime.dispatch(deposit);
    await runtime.dispatch(send(7));
    const put = vi.spyOn(store, 'put');
    await expect(runtime.dispatch({ ...deposit, data: { amount: 99 } })).resolves.toEqual({
      kind: 'send',
      result: { receipt: 'r5' },
      duplicate: true,
    });
    expect(put).not.toHaveBeenCalled();
    await expect(store.get('cashier/order-1')).resolves.toMatchObject({ state: { total: 12 }, version: 2 });
  });

  it('records a read-only rpc too, so its redelivery gets the first reply after the state moved on', async () => {
    const { runtime } = host();
    await runtime.dispatch(send(5));
    const query = { ...send(0), metadata: metadata(Charged.name), data: { amount: 0 } };
    await expect(runtime.dispatch(query)).resolves.toMatchObject({ result: { receipt: 'total 5' } });
    await runtime.dispatch(send(7));
    await expect(runtime.dispatch(query)).resolves.toMatchObject({ result: { receipt: 'total 5' } });
  });

  it('acknowledges a redelivered event without effect', async () => {
    const { runtime, store } = host();
    const event = publish(new TopicId('payments', 'order-1'));
    await runtime.dispatch(event);
    await expect(runtime.dispatch(event)).resolves.toEqual({
      kind: 'publish',
      delivered: ['cashier/order-1'],
      unhandled: [],
      duplicates: ['cashier/order-1'],
    });
    await expect(store.get('cashier/order-1')).resolves.toMatchObject({ state: { seen: 1 }, version: 1 });
  });

  it('keeps the stored state when the handler throws', async () => {
    const { runtime, store } = host();
    await runtime.dispatch(send(5));
    await expect(runtime.dispatch(send(500))).rejects.toThrow('limit exceeded');
    await expect(store.get('cashier/order-1')).resolves.toMatchObject({ state: { total: 5 }, version: 1 });
  });

  it('reruns a delivery that lost the optimistic-concurrency race on the newer state, applying it once', async () => {
    const { runtime, store } = host();
    await runtime.dispatch(send(5));
    const get = store.get.bind(store);
    vi.spyOn(store, 'get').mockImplementationOnce(async (id) => {
      const read = await get(id);
      await store.put(id, { total: 100, seen: 0 }, read?.version ?? 0);
      return read;
    });
    await expect(runtime.dispatch(send(1))).resolves.toMatchObject({ result: { receipt: 'r101' } });
    await expect(store.get('cashier/order-1')).resolves.toMatchObject({ state: { total: 101 }, version: 3 });
  });

  it('turns a race lost on every attempt into a transient DeliveryConflictError, writing nothing', async () => {
    const { runtime, store } = host();
    await runtime.dispatch(send(5));
    const get = store.get.bind(store);
    vi.spyOn(store, 'get').mockImplementation(async (id) => {
      const read = await get(id);
      await store.put(id, { total: 100, seen: 0 }, read?.version ?? 0);
      return read;
    });
    const failure = await runtime.dispatch(send(1)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryConflictError);
    expect(failure).toMatchObject({ agentId: 'cashier/order-1', transient: true });
    expect(store.get).toHaveBeenCalledTimes(DELIVERY_ATTEMPTS);
    vi.mocked(store.get).mockRestore();
    await expect(store.get('cashier/order-1')).resolves.toMatchObject({
      state: { total: 100 },
      version: 1 + DELIVERY_ATTEMPTS,
    });
  });

  it('delivers an event to the subscribed recipient, skipping the sender', async () => {
    const { runtime, store } = host();
    const topic = new TopicId('payments', 'order-2');
    await expect(runtime.dispatch(publish(topic))).resolves.toEqual({
      kind: 'publish',
      delivered: ['cashier/order-2'],
      unhandled: [],
    });
    await expect(runtime.dispatch(publish(topic, new AgentId('cashier', 'order-2')))).resolves.toMatchObject({
      delivered: [],
    });
    await expect(store.get('cashier/order-2')).resolves.toMatchObject({ state: { seen: 1 }, version: 1 });
  });

  it('acknowledges an event whose subscription was removed (its rule is still deployed) without running anything', async () => {
    const { runtime, store } = host();
    await runtime.removeSubscription(new TypeSubscription('payments', 'cashier').id);
    await expect(runtime.dispatch(publish(new TopicId('payments', 'order-3')))).resolves.toEqual({
      kind: 'publish',
      delivered: [],
      unhandled: [],
    });
    await expect(store.get('cashier/order-3')).resolves.toBeUndefined();
  });

  it('reports an event no handler accepts as unhandled, with a warning, not as a failure', async () => {
    const { runtime, warn } = host();
    const delivery = {
      ...publish(new TopicId('payments', 'order-4')),
      metadata: metadata(Charge.name),
      data: { amount: 1 },
    };
    await expect(runtime.dispatch(delivery)).resolves.toMatchObject({
      delivered: [],
      unhandled: ['cashier/order-4'],
    });
    expect(warn).toHaveBeenCalledWith(
      'Unhandled published message',
      expect.objectContaining({ recipient: 'cashier/order-4' }),
    );
  });

  it('saves and restores state through the store, listing only the hosted types', async () => {
    const { runtime, store } = host();
    await runtime.dispatch(send(5, 'a'));
    await store.put('other/x', { foreign: true }, 0);
    expect(await runtime.saveState()).toEqual({ 'cashier/a': { total: 5, seen: 0 } });
    const fresh = host(new InMemoryAgentStateStore());
    await fresh.runtime.loadState({ 'cashier/a': { total: 40, seen: 2 }, 'ghost/x': { total: 1 } });
    await expect(fresh.store.list(['cashier', 'ghost'])).resolves.toEqual([
      { agentId: 'cashier/a', state: { total: 40, seen: 2 }, version: 1 },
    ]);
    await expect(fresh.runtime.agentSaveState(new AgentId('cashier', 'a'))).resolves.toEqual({
      total: 40,
      seen: 2,
    });
  });
});
