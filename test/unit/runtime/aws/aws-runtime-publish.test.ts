import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { EnvelopeSchema } from '../../../../lambdas/contracts/envelope.js';
import { isMessageValidationError } from '../../../../lambdas/contracts/message-validation-error.js';
import { AgentId } from '../../../../lambdas/runtime/agent-id.js';
import { AwsRuntime } from '../../../../lambdas/runtime/aws/aws-runtime.js';
import { isMessageCancelledError } from '../../../../lambdas/runtime/runtime-error.js';
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
    await expect(publish).rejects.toSatisfy(isMessageValidationError);
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

  it('publishes nothing for an already aborted signal', async () => {
    const { eventBridge, runtime } = setup();
    const controller = new AbortController();
    controller.abort();
    await expect(
      runtime.publish(Charged, { amount: 1 }, new TopicId('payment.charged', 'k'), {
        signal: controller.signal,
      }),
    ).rejects.toSatisfy(isMessageCancelledError);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });
});
