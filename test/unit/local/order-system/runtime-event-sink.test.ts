import { describe, expect, it } from 'vitest';
import { MessageRegistry } from '../../../../lambdas/contracts/message-registry.js';
import type { MessageType } from '../../../../lambdas/contracts/message-type.js';
import { OrderStateChanged } from '../../../../lambdas/contracts/order/lifecycle-messages.js';
import { UnpublishableEntryError } from '../../../../local/order-system/local-order-system-error.js';
import { ObservedRuntime } from '../../../../local/order-system/observed-runtime.js';
import { runtimeEventSink } from '../../../../local/order-system/runtime-event-sink.js';

const sink = () => {
  const runtime = new ObservedRuntime({ logger: { warn() {}, error() {} } });
  const messages = new MessageRegistry([OrderStateChanged as MessageType<string, never, unknown>]);
  return { runtime, sink: runtimeEventSink(runtime, messages) };
};
const data = {
  orderId: 'o-1',
  from: 'created',
  to: 'paid',
  trigger: 'PaymentCompleted',
  at: '2026-01-01T00:00:00Z',
};
const metadata = {
  id: 'evt-1',
  type: 'OrderStateChanged',
  topicType: 'order.state-changed',
  topicSource: 'o-1',
  sender: 'order-lifecycle/o-1',
  correlationId: 'o-1',
  causationId: 'trigger-1',
  time: '2026-01-01T00:00:00.000Z',
  schemaVersion: 1,
};
const source = { executionArn: 'arn:exec' };

describe('runtimeEventSink', () => {
  it('publishes an enveloped entry on the topic its metadata names, with its ids', async () => {
    const { runtime, sink: events } = sink();
    await events.putEvents(
      [
        {
          Source: 'agentbridge.order-lifecycle',
          DetailType: 'OrderStateChanged',
          Detail: { metadata, data },
        },
      ],
      source,
    );
    expect(runtime.events).toEqual([
      expect.objectContaining({
        type: 'OrderStateChanged',
        topic: { type: 'order.state-changed', source: 'o-1' },
        messageId: 'evt-1',
        sender: 'order-lifecycle/o-1',
        correlationId: 'o-1',
        causationId: 'trigger-1',
        data,
      }),
    ]);
  });

  it('accepts a Detail given as JSON text, and a bare detail on topic <DetailType>/default', async () => {
    const { runtime, sink: events } = sink();
    await events.putEvents(
      [
        { Source: 's', DetailType: 'OrderStateChanged', Detail: JSON.stringify({ metadata, data }) },
        { Source: 's', DetailType: 'OrderStateChanged', Detail: data },
      ],
      source,
    );
    expect(runtime.events.map((event) => event.topic)).toEqual([
      { type: 'order.state-changed', source: 'o-1' },
      { type: 'OrderStateChanged', source: 'default' },
    ]);
  });

  it('publishes nothing of a batch with an entry it cannot publish, and says why', async () => {
    const { runtime, sink: events } = sink();
    const good = { Source: 's', DetailType: 'OrderStateChanged', Detail: { metadata, data } };
    for (const bad of [
      { Source: 's', DetailType: 'Unknown', Detail: data },
      { Source: 's', DetailType: 'OrderStateChanged', Detail: { metadata: { ...metadata, id: '' }, data } },
      {
        Source: 's',
        DetailType: 'OrderStateChanged',
        Detail: { metadata, data: { ...data, to: 'teleported' } },
      },
      { Source: 's', DetailType: 'OrderStateChanged', Detail: '{not json' },
    ]) {
      const error = await events.putEvents([good, bad], source).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error, JSON.stringify(bad.Detail)).toBeInstanceOf(Error);
    }
    expect(runtime.events).toEqual([]);
    const unknown = await events
      .putEvents([{ Source: 's', DetailType: 'Unknown', Detail: data }], source)
      .catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(UnpublishableEntryError);
  });
});
