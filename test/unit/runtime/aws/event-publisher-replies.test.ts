import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  EVENT_TOO_LARGE_CODE,
  EventPublisher,
  type OutgoingEvent,
} from '../../../../lambdas/runtime/aws/event-publisher.js';

const client = new EventBridgeClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
});
const eventBridge = mockClient(client);
afterEach(() => eventBridge.reset());

const event = (n: number, detail = `{"n":${n}}`): OutgoingEvent => ({
  messageId: `m${n}`,
  entry: { EventBusName: 'bus', Source: 'test', DetailType: 'test.Event', Detail: detail },
});
const sent = (): string[][] =>
  eventBridge
    .commandCalls(PutEventsCommand)
    .map((call) =>
      (call.args[0].input.Entries ?? []).map((entry: PutEventsRequestEntry) => entry.Detail ?? ''),
    );
const publisher = () =>
  new EventPublisher(client, {
    sleep: vi.fn(async () => undefined),
    random: () => 0.5,
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 150 },
  });

/** The per-entry codes AWS documents as permanent for PutEvents. */
const PERMANENT_CODES = [
  'AccessDeniedException',
  'InvalidAccountIdException',
  'InvalidArgument',
  'MalformedDetail',
  'RedactionFailure',
  'NotAuthorizedForSourceException',
  'NotAuthorizedForDetailTypeException',
];

describe('EventPublisher facing what EventBridge answers', () => {
  it('resends the entries a reply leaves out, even when it counts no failure', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 0, Entries: [{ EventId: 'e0' }] })
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e1' }, { EventId: 'e2' }] });
    await publisher().putEvents([0, 1, 2].map((n) => event(n)));
    expect(sent()).toEqual([
      ['{"n":0}', '{"n":1}', '{"n":2}'],
      ['{"n":1}', '{"n":2}'],
    ]);
  });

  it('reports the entries a reply keeps leaving out once the attempts run out', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    expect(await publisher().putEventsSettled([event(0)])).toEqual([
      expect.objectContaining({ index: 0, messageId: 'm0', errorCode: 'MissingResult' }),
    ]);
    expect(sent()).toHaveLength(3);
  });

  it('retries a throttled call and publishes once the throttling passes', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), {
      name: 'ThrottlingException',
      $fault: 'client',
      $retryable: { throttling: true },
    });
    eventBridge
      .on(PutEventsCommand)
      .rejectsOnce(throttled)
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e0' }, { EventId: 'e1' }] });
    await publisher().putEvents([event(0), event(1)]);
    expect(sent()).toEqual([
      ['{"n":0}', '{"n":1}'],
      ['{"n":0}', '{"n":1}'],
    ]);
  });

  it.each(PERMANENT_CODES)(
    'reports an entry rejected with %s at once, without resending it',
    async (code) => {
      eventBridge.on(PutEventsCommand).resolves({
        FailedEntryCount: 1,
        Entries: [{ EventId: 'e0' }, { ErrorCode: code, ErrorMessage: 'no' }],
      });
      expect(await publisher().putEventsSettled([event(0), event(1)])).toEqual([
        { index: 1, messageId: 'm1', detailType: 'test.Event', errorCode: code, errorMessage: 'no' },
      ]);
      expect(sent()).toHaveLength(1);
    },
  );

  it.each(['ThrottlingException', 'InternalFailure'])('resends an entry rejected with %s', async (code) => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 1, Entries: [{ ErrorCode: code }, { EventId: 'e1' }] })
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e0' }] });
    expect(await publisher().putEventsSettled([event(0), event(1)])).toEqual([]);
    expect(sent()).toEqual([['{"n":0}', '{"n":1}'], ['{"n":0}']]);
  });

  it('reports an event over 256 KB without sending it, and sends the others', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e0' }] });
    const huge = `{"blob":"${'x'.repeat(256 * 1024)}"}`;
    expect(await publisher().putEventsSettled([event(0, huge), event(1)])).toEqual([
      expect.objectContaining({ index: 0, messageId: 'm0', errorCode: EVENT_TOO_LARGE_CODE }),
    ]);
    expect(sent()).toEqual([['{"n":1}']]);
  });
});
