import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventPublisher, type OutgoingEvent } from '../../../../lambdas/runtime/aws/event-publisher.js';
import {
  EventTooLargeError,
  PublishFailedError,
} from '../../../../lambdas/runtime/aws/publish-failed-error.js';

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
const sentDetails = (call: number): string[] =>
  (eventBridge.commandCalls(PutEventsCommand)[call]?.args[0].input.Entries ?? []).map(
    (entry: PutEventsRequestEntry) => entry.Detail ?? '',
  );
const publisher = (sleep = vi.fn(async () => undefined)) =>
  new EventPublisher(client, {
    sleep,
    random: () => 0.5,
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 150 },
  });

describe('EventPublisher', () => {
  it('sends 25 events in three calls of at most 10', async () => {
    eventBridge.on(PutEventsCommand).callsFake((input) => ({
      FailedEntryCount: 0,
      Entries: input.Entries.map(() => ({ EventId: 'e' })),
    }));
    await publisher().putEvents(Array.from({ length: 25 }, (_, n) => event(n)));
    expect(
      eventBridge.commandCalls(PutEventsCommand).map((call) => call.args[0].input.Entries?.length),
    ).toEqual([10, 10, 5]);
  });

  it('resends only the entries that failed, after a jittered exponential backoff', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 2,
        Entries: [
          { EventId: 'e0' },
          { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' },
          { EventId: 'e2' },
          { ErrorCode: 'InternalFailure', ErrorMessage: 'oops' },
        ],
      })
      .resolvesOnce({ FailedEntryCount: 1, Entries: [{ EventId: 'e1' }, { ErrorCode: 'InternalFailure' }] })
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e3' }] });
    const sleep = vi.fn(async () => undefined);
    await publisher(sleep).putEvents([0, 1, 2, 3].map((n) => event(n)));
    expect(sentDetails(0)).toEqual(['{"n":0}', '{"n":1}', '{"n":2}', '{"n":3}']);
    expect(sentDetails(1)).toEqual(['{"n":1}', '{"n":3}']);
    expect(sentDetails(2)).toEqual(['{"n":3}']);
    // Full jitter with random() = 0.5: half of min(150, 100 · 2^(retry-1)).
    expect(sleep.mock.calls).toEqual([[50], [75]]);
  });

  it('throws a typed error listing every event still failing when the attempts run out', async () => {
    eventBridge.on(PutEventsCommand).callsFake((input) => ({
      FailedEntryCount: 1,
      Entries: input.Entries.map((entry: PutEventsRequestEntry) =>
        entry.Detail === '{"n":1}'
          ? { ErrorCode: 'ThrottlingException', ErrorMessage: 'rate exceeded' }
          : { EventId: 'e' },
      ),
    }));
    const failure = await publisher()
      .putEvents([0, 1, 2].map((n) => event(n)))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PublishFailedError);
    expect((failure as PublishFailedError).failures).toEqual([
      {
        index: 1,
        messageId: 'm1',
        detailType: 'test.Event',
        errorCode: 'ThrottlingException',
        errorMessage: 'rate exceeded',
      },
    ]);
    expect((failure as PublishFailedError).published).toBe(2);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(3);
  });

  it('does not resend an entry EventBridge rejects permanently', async () => {
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'MalformedDetail', ErrorMessage: 'bad detail' }, { EventId: 'e1' }],
    });
    await expect(publisher().putEvents([event(0), event(1)])).rejects.toMatchObject({
      code: 'PUBLISH_FAILED',
      failures: [expect.objectContaining({ messageId: 'm0', errorCode: 'MalformedDetail' })],
    });
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(1);
  });

  it('retries a whole call that failed on the server, and reports a client fault without retrying', async () => {
    const serverFault = Object.assign(new Error('service unavailable'), {
      name: 'InternalException',
      $fault: 'server',
    });
    eventBridge
      .on(PutEventsCommand)
      .rejectsOnce(serverFault)
      .resolves({ FailedEntryCount: 0, Entries: [{}] });
    await publisher().putEvents([event(0)]);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(2);

    eventBridge.reset();
    const clientFault = Object.assign(new Error('no such bus'), {
      name: 'ResourceNotFoundException',
      $fault: 'client',
    });
    eventBridge.on(PutEventsCommand).rejects(clientFault);
    await expect(publisher().putEvents([event(0)])).rejects.toMatchObject({
      failures: [
        expect.objectContaining({ errorCode: 'ResourceNotFoundException', errorMessage: 'no such bus' }),
      ],
    });
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(1);
  });

  it('rejects an event over 256 KB before making any call', async () => {
    const huge = `{"blob":"${'x'.repeat(256 * 1024)}"}`;
    const failure = await publisher()
      .putEvents([event(0), event(1, huge)])
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EventTooLargeError);
    expect(failure).toMatchObject({ index: 1, messageId: 'm1', limit: 256 * 1024 });
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });
});
