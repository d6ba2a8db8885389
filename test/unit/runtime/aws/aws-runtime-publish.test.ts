import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { EnvelopeSchema } from '../../../../lambdas/contracts/envelope.js';
import { MessageValidationError } from '../../../../lambdas/contracts/message-validation-error.js';
import { AgentId } from '../../../../lambdas/runtime/agent-id.js';
import { AwsRuntime } from '../../../../lambdas/runtime/aws/aws-runtime.js';
import { InvalidOutgoingEnvelopeError } from '../../../../lambdas/runtime/aws/aws-runtime-error.js';
import { PublishFailedError } from '../../../../lambdas/runtime/aws/publish-failed-error.js';
import { MessageCancelledError } from '../../../../lambdas/runtime/runtime-error.js';
import { TopicId } from '../../../../lambdas/runtime/topic-id.js';
import { Charged, testClients, testConfig } from './aws-runtime-fixtures.js';

function setup() {
  const clients = testClients();
  const eventBridge = mockClient(clients.eventBridge);
  eventBridge.on(PutEventsCommand).callsFake((input) => ({
    FailedEntryCount: 0,
    Entries: input.Entries.map(() => ({ EventId: 'e' })),
  }));
  return { eventBridge, runtime: new AwsRuntime({ ...clients, config: testConfig() }) };
}

describe('AwsRuntime.publish', () => {
  it('puts one event: detail {metadata, data}, detail-type = message type, the configured source and bus', async () => {
    const { eventBridge, runtime } = setup();
    await runtime.publish(Charged, { amount: 5 }, new TopicId('payment.charged', 'order-1'), {
      sender: new AgentId('cashier', 'order-1'),
      correlationId: 'corr-1',
    });
    const [entry] = eventBridge.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries ?? [];
    expect(entry).toMatchObject({
      EventBusName: 'agentbridge-bus',
      Source: 'agentbridge.orders',
      DetailType: 'test.Charged',
    });
    const detail = EnvelopeSchema.parse(JSON.parse(entry?.Detail ?? ''));
    expect(detail.data).toEqual({ amount: 5 });
    expect(detail.metadata).toMatchObject({
      type: 'test.Charged',
      topicType: 'payment.charged',
      topicSource: 'order-1',
      sender: 'cashier/order-1',
      correlationId: 'corr-1',
      causationId: detail.metadata.id,
      schemaVersion: 1,
    });
    expect(entry?.Time?.toISOString()).toBe(detail.metadata.time);
  });

  it('validates outgoing data with the message schema and calls nothing when it is invalid', async () => {
    const { eventBridge, runtime } = setup();
    const publish = runtime.publish(
      Charged,
      { amount: 'five' } as never,
      new TopicId('payment.charged', 'k'),
    );
    await expect(publish).rejects.toBeInstanceOf(MessageValidationError);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });

  it('publishes a batch of 23 messages in three calls, keeping each message id', async () => {
    const { eventBridge, runtime } = setup();
    const topic = new TopicId('payment.charged', 'k');
    const messages = Array.from({ length: 23 }, (_, n) => ({
      type: Charged,
      message: { amount: n },
      topic,
      options: { messageId: `m${n}` },
    }));
    await runtime.publishBatch(messages);
    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls.map((call) => call.args[0].input.Entries?.length)).toEqual([10, 10, 3]);
    const ids = calls.flatMap((call) =>
      (call.args[0].input.Entries ?? []).map(
        (entry) => EnvelopeSchema.parse(JSON.parse(entry.Detail ?? '')).metadata.id,
      ),
    );
    expect(ids).toEqual(messages.map((message) => message.options.messageId));
  });

  it('resends only the entries EventBridge failed and names the ones still failing by message id', async () => {
    const clients = testClients();
    const eventBridge = mockClient(clients.eventBridge);
    const attempts = new Map<string, number>();
    eventBridge.on(PutEventsCommand).callsFake((input) => {
      const results = input.Entries.map((entry: { Detail: string }) => {
        const id = EnvelopeSchema.parse(JSON.parse(entry.Detail)).metadata.id;
        const attempt = (attempts.get(id) ?? 0) + 1;
        attempts.set(id, attempt);
        // m3 is throttled once and then accepted; m7 is throttled every time.
        if (id === 'm7' || (id === 'm3' && attempt === 1)) return { ErrorCode: 'ThrottlingException' };
        return { EventId: `e-${id}` };
      });
      return {
        FailedEntryCount: results.filter((result: object) => 'ErrorCode' in result).length,
        Entries: results,
      };
    });
    const sleeps: number[] = [];
    const runtime = new AwsRuntime({
      ...clients,
      config: testConfig(),
      publisher: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
    });
    const topic = new TopicId('payment.charged', 'k');
    const messages = Array.from({ length: 12 }, (_, n) => ({
      type: Charged,
      message: { amount: n },
      topic,
      options: { messageId: `m${n}` },
    }));
    const failure = await runtime.publishBatch(messages).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PublishFailedError);
    expect(failure).toMatchObject({
      code: 'PUBLISH_FAILED',
      published: 11,
      failures: [{ index: 7, messageId: 'm7', detailType: 'test.Charged', errorCode: 'ThrottlingException' }],
    });
    expect(attempts.get('m7')).toBe(5);
    expect(attempts.get('m3')).toBe(2);
    expect([...attempts].filter(([id]) => id !== 'm3' && id !== 'm7').every(([, n]) => n === 1)).toBe(true);
    // Default policy, random() = 0.5: half of min(1000, 50 · 2^(retry-1)), once per resend of the first call.
    expect(sleeps).toEqual([25, 50, 100, 200]);
  });

  it('publishes nothing for an already aborted signal', async () => {
    const { eventBridge, runtime } = setup();
    const controller = new AbortController();
    controller.abort();
    await expect(
      runtime.publish(Charged, { amount: 1 }, new TopicId('payment.charged', 'k'), {
        signal: controller.signal,
      }),
    ).rejects.toBeInstanceOf(MessageCancelledError);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });
});

describe('AwsRuntime.publishEnvelopes', () => {
  const metadata = {
    id: 'evt-1',
    type: 'test.Charged',
    topicType: 'domain.test.Charged',
    topicSource: 'order-1',
    correlationId: 'corr-1',
    causationId: 'cmd-1',
    time: '2026-01-02T03:04:05.678Z',
    schemaVersion: 1,
  };

  it('puts the envelope as given: detail-type = metadata.type, ids, time and extra fields unchanged', async () => {
    const { eventBridge, runtime } = setup();
    await runtime.publishEnvelopes([
      { metadata: { ...metadata, streamId: 'order-1', version: 3 }, data: { amount: 5 } },
    ]);
    const [entry] = eventBridge.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries ?? [];
    expect(entry).toMatchObject({
      EventBusName: 'agentbridge-bus',
      Source: 'agentbridge.orders',
      DetailType: 'test.Charged',
      Time: new Date(metadata.time),
    });
    expect(JSON.parse(entry?.Detail ?? '')).toEqual({
      metadata: { ...metadata, streamId: 'order-1', version: 3 },
      data: { amount: 5 },
    });
  });

  it.each([
    ['metadata missing its correlation id', { ...metadata, correlationId: '' }, { amount: 1 }],
    ['a topic type AutoGen rejects', { ...metadata, topicType: 'domain.Order Placed' }, { amount: 1 }],
    ['data that is not JSON', metadata, { amount: 1n }],
  ])('rejects %s with a typed error before any call', async (_, bad, data) => {
    const { eventBridge, runtime } = setup();
    const failure = await runtime
      .publishEnvelopes([
        { metadata, data: { amount: 1 } },
        { metadata: bad, data },
      ])
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InvalidOutgoingEnvelopeError);
    expect(failure).toMatchObject({ code: 'INVALID_OUTGOING_ENVELOPE', messageId: 'evt-1' });
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });
});
