import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it, vi } from 'vitest';
import { ENVELOPE_SCHEMA_VERSION, EnvelopeSchema } from '../../../../lambdas/contracts/envelope.js';
import { defineAgent } from '../../../../lambdas/runtime/agent-definition.js';
import { AgentId } from '../../../../lambdas/runtime/agent-id.js';
import { DELIVERY_ATTEMPTS } from '../../../../lambdas/runtime/aws/apply-once.js';
import { AwsRuntime } from '../../../../lambdas/runtime/aws/aws-runtime.js';
import { DeliveryConflictError } from '../../../../lambdas/runtime/aws/aws-runtime-error.js';
import type { SendDelivery } from '../../../../lambdas/runtime/aws/inbound-delivery.js';
import { SendRequestSchema } from '../../../../lambdas/runtime/aws/send-request.js';
import { TopicId } from '../../../../lambdas/runtime/topic-id.js';
import { InMemoryAgentStateStore } from '../../../../lambdas/stores/agent-state/in-memory/in-memory-agent-state-store.js';
import { Charge, Charged, testClients, testConfig } from './aws-runtime-fixtures.js';

const receipts = new TopicId('receipts', 'order-1');

/** Publishes `amount` twice (the same message, deliberately), then charges the ledger: three calls per run. */
const cashier = defineAgent({
  state: () => ({ total: 0 }),
  handlers: (on) => [
    on.rpc(Charge, async (msg, ctx) => {
      await ctx.publish(Charged, { amount: msg.amount }, receipts);
      await ctx.publish(Charged, { amount: msg.amount }, receipts);
      await ctx.send(Charge, { amount: msg.amount }, new AgentId('ledger', 'main'));
      ctx.state.total += msg.amount;
      return { receipt: `r${ctx.state.total}` };
    }),
  ],
});

const delivery = (id: string, amount = 5): SendDelivery => ({
  kind: 'send',
  recipient: new AgentId('cashier', 'order-1'),
  metadata: {
    id,
    type: Charge.name,
    topicType: 'cashier',
    topicSource: 'order-1',
    correlationId: 'c-1',
    causationId: 'c-1',
    time: new Date().toISOString(),
    schemaVersion: ENVELOPE_SCHEMA_VERSION,
  },
  data: { amount },
  sender: undefined,
  signal: AbortSignal.timeout(1_000),
});

/** A deployment: one state store and one mocked bus and Lambda, shared by every runtime (Lambda container). */
function deployment() {
  const clients = testClients();
  const eventBridge = mockClient(clients.eventBridge);
  eventBridge.on(PutEventsCommand).callsFake((input) => ({
    FailedEntryCount: 0,
    Entries: input.Entries.map(() => ({ EventId: 'e' })),
  }));
  const lambda = mockClient(clients.lambda);
  const ok = new TextEncoder().encode(JSON.stringify({ ok: true, result: { receipt: 'ledger' } }));
  lambda.on(InvokeCommand).resolves({ StatusCode: 200, Payload: ok as never });
  const store = new InMemoryAgentStateStore();
  const container = (): AwsRuntime => {
    const config = testConfig({ agentFunctions: new Map([['ledger', 'ledger-fn']]) });
    const runtime = new AwsRuntime({ ...clients, config, stateStore: store });
    runtime.host('cashier', cashier, []);
    return runtime;
  };
  const published = (): string[] =>
    eventBridge
      .commandCalls(PutEventsCommand)
      .flatMap((call) => call.args[0].input.Entries ?? [])
      .map((entry) => EnvelopeSchema.parse(JSON.parse(entry.Detail ?? '')).metadata.id);
  const sent = (): string[] =>
    lambda
      .commandCalls(InvokeCommand)
      .map((call) => SendRequestSchema.parse(JSON.parse(String(call.args[0].input.Payload))).metadata.id);
  return { store, container, published, sent };
}

describe('AwsRuntime message ids of what a handler publishes and sends', () => {
  it('republishes under the same ids when a delivery is retried after a lost state race', async () => {
    const { store, container, published, sent } = deployment();
    const first = container();
    const get = store.get.bind(store);
    // Another writer wins every in-place attempt of the first container, so Lambda retries the delivery.
    const interfere = vi.spyOn(store, 'get').mockImplementation(async (id) => {
      const read = await get(id);
      await store.put(id, { total: 100 }, read?.version ?? 0);
      return read;
    });
    const failure = await first.dispatch(delivery('m-1')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryConflictError);
    interfere.mockRestore();
    const [firstIds, firstSends] = [published().slice(0, 2), sent().slice(0, 1)];
    const attempts = Array.from({ length: DELIVERY_ATTEMPTS }, () => firstIds).flat();
    expect(published()).toEqual(attempts);
    await expect(container().dispatch(delivery('m-1'))).resolves.toEqual({
      kind: 'send',
      result: { receipt: 'r105' },
    });
    expect(published()).toEqual([...attempts, ...firstIds]);
    expect(sent()).toEqual(Array.from({ length: DELIVERY_ATTEMPTS + 1 }, () => firstSends).flat());
  });

  it('gives each publish of one delivery its own id, also for identical messages', async () => {
    const { container, published, sent } = deployment();
    await container().dispatch(delivery('m-2'));
    const ids = [...published(), ...sent()];
    expect(new Set(ids).size).toBe(3);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives another delivery, or the same position with a different message, fresh ids', async () => {
    const { store, container, published } = deployment();
    const runtime = container();
    await runtime.dispatch(delivery('m-3'));
    await runtime.dispatch(delivery('m-4'));
    // Forget that m-3 was applied, so the same message id runs again, now with a different amount.
    await store.delete('cashier/order-1');
    await runtime.dispatch(delivery('m-3', 6));
    expect(new Set(published()).size).toBe(6);
  });

  it('keeps an explicit messageId', async () => {
    const { container, published } = deployment();
    const runtime = container();
    const explicit = defineAgent({
      handlers: (on) => [
        on.rpc(Charge, async (msg, ctx) => {
          await ctx.publish(Charged, { amount: msg.amount }, receipts, { messageId: 'chosen' });
          return { receipt: 'x' };
        }),
      ],
    });
    runtime.host('teller', explicit, []);
    await runtime.dispatch({ ...delivery('m-5'), recipient: new AgentId('teller', 'order-1') });
    expect(published()).toEqual(['chosen']);
  });

  it('gives calls made outside any delivery unique random ids', async () => {
    const { container, published } = deployment();
    const runtime = container();
    await runtime.publish(Charged, { amount: 1 }, receipts);
    await runtime.publish(Charged, { amount: 1 }, receipts);
    await container().publish(Charged, { amount: 1 }, receipts);
    await runtime.publishBatch([{ type: Charged, message: { amount: 1 }, topic: receipts }]);
    expect(new Set(published()).size).toBe(4);
  });
});
