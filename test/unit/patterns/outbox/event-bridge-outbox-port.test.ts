import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { EnvelopeSchema } from '../../../../lambdas/contracts/envelope.js';
import { OUTBOX_SOURCE } from '../../../../lambdas/contracts/sources.js';
import { eventBridgeOutboxPort } from '../../../../lambdas/patterns/outbox/event-bridge-outbox-port.js';
import { outboxEnvelope } from '../../../../lambdas/patterns/outbox/outbox-envelope.js';
import { InvalidOutgoingEnvelopeError } from '../../../../lambdas/runtime/aws/aws-runtime-error.js';
import { EventPublisher } from '../../../../lambdas/runtime/aws/event-publisher.js';
import { PublishFailedError } from '../../../../lambdas/runtime/aws/publish-failed-error.js';

const client = new EventBridgeClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
});
const eventBridge = mockClient(client);
afterEach(() => eventBridge.reset());

const stored = {
  id: 'msg-7',
  eventId: 'evt-7',
  streamId: 'user-1',
  version: 2,
  correlationId: 'req-1',
  causationId: 'cmd-1',
  time: '2026-01-02T03:04:05.678Z',
};
const port = () =>
  eventBridgeOutboxPort({
    publisher: new EventPublisher(client, { sleep: async () => undefined, random: () => 0 }),
    eventBusName: 'agentbridge-bus',
    source: OUTBOX_SOURCE,
  });
const entries = (): PutEventsRequestEntry[] =>
  eventBridge.commandCalls(PutEventsCommand).flatMap((call) => call.args[0].input.Entries ?? []);

describe('eventBridgeOutboxPort', () => {
  it('puts a stored event on domain.<type> keyed by its stream, under the outbox source and message id', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e' }] });
    const failures = await port().publish([
      { eventType: 'UserUpdated', data: { name: 'Ada L.' }, metadata: stored },
    ]);
    expect(failures).toEqual(new Map());
    const [entry] = entries();
    expect(entry).toMatchObject({
      EventBusName: 'agentbridge-bus',
      Source: OUTBOX_SOURCE,
      DetailType: 'UserUpdated',
    });
    const detail = JSON.parse(entry?.Detail ?? '');
    expect(EnvelopeSchema.parse(detail)).toEqual({
      metadata: {
        id: 'msg-7',
        type: 'UserUpdated',
        topicType: 'domain.UserUpdated',
        topicSource: 'user-1',
        correlationId: 'req-1',
        causationId: 'cmd-1',
        time: '2026-01-02T03:04:05.678Z',
        schemaVersion: 1,
      },
      data: { name: 'Ada L.' },
    });
    expect(detail.metadata).toMatchObject({ eventId: 'evt-7', streamId: 'user-1', version: 2 });
  });

  it('reports each entry the bus rejects by its index, as a PublishFailedError with the code', async () => {
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ EventId: 'e' }, { ErrorCode: 'MalformedDetail', ErrorMessage: 'no' }],
    });
    const failures = await port().publish([
      { eventType: 'UserUpdated', data: {}, metadata: stored },
      { eventType: 'UserUpdated', data: {}, metadata: { ...stored, id: 'msg-8', streamId: 'user-2' } },
    ]);
    expect([...failures.keys()]).toEqual([1]);
    expect(failures.get(1)).toBeInstanceOf(PublishFailedError);
    expect(failures.get(1)).toMatchObject({
      failures: [{ index: 1, messageId: 'msg-8', errorCode: 'MalformedDetail' }],
    });
  });

  it('reports an envelope the wire check refuses without sending it, and sends the others', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e' }] });
    const failures = await port().publish([
      { eventType: 'UserUpdated', data: {}, metadata: { ...stored, time: 'yesterday' } },
      { eventType: 'UserUpdated', data: {}, metadata: { ...stored, streamId: 'user-2' } },
    ]);
    expect(failures.get(0)).toBeInstanceOf(InvalidOutgoingEnvelopeError);
    expect(failures.has(1)).toBe(false);
    expect(entries()).toHaveLength(1);
  });

  it('keeps extra stored metadata but never lets it override the envelope fields or set a sender', () => {
    const envelope = outboxEnvelope(
      'UserCreated',
      {},
      {
        ...stored,
        actor: 'ada',
        type: 'Forged',
        topicType: 'elsewhere',
        sender: 'admin/root',
        schemaVersion: 99,
      },
    );
    expect(envelope.metadata).toMatchObject({
      actor: 'ada',
      type: 'UserCreated',
      topicType: 'domain.UserCreated',
      schemaVersion: 1,
    });
    expect(envelope.metadata).not.toHaveProperty('sender');
  });
});
