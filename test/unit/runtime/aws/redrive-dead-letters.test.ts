import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { originalEventOf, redriveDeadLetters } from '../../../../lambdas/runtime/aws/redrive-dead-letters.js';

const EVENT = {
  version: '0',
  id: 'e-1',
  'detail-type': 'OrderRequested',
  source: 'shop.web',
  account: '111111111111',
  time: '2026-12-01T10:00:00Z',
  region: 'eu-west-1',
  resources: ['arn:aws:events:eu-west-1:111111111111:rule/x'],
  detail: { orderId: 'o-1', items: [] },
};
const record = (overrides: Record<string, unknown> = {}) => ({
  kind: 'agentbridge.bad-input',
  reason: 'schema-violation',
  code: 'MESSAGE_VALIDATION',
  message: 'Invalid OrderRequested',
  agentType: 'saga-starter',
  inputKind: 'eventbridge',
  recordedAt: '2026-12-01T10:00:01.000Z',
  input: EVENT,
  ...overrides,
});

describe('the original event of a dead-letter message', () => {
  it('is the message itself when EventBridge or Lambda wrote the event there', () => {
    expect(originalEventOf(JSON.stringify(EVENT))).toEqual({
      source: 'shop.web',
      detailType: 'OrderRequested',
      detail: EVENT.detail,
      resources: EVENT.resources,
      time: EVENT.time,
    });
  });

  it("is an agent function's bad-input record's input", () => {
    expect(originalEventOf(JSON.stringify(record()))).toMatchObject({
      detailType: 'OrderRequested',
      detail: EVENT.detail,
    });
  });

  it.each([
    ['not JSON', '{', 'not JSON'],
    [
      'a record of a send',
      JSON.stringify(record({ inputKind: 'send' })),
      'a dead-letter record of a send input, not of an event',
    ],
    [
      'a truncated record',
      JSON.stringify(record({ input: '{"id":', truncated: { bytes: 300_000, sha256: 'ab' } })),
      'kept only part of its input',
    ],
    ['anything else', JSON.stringify({ hello: 'world' }), 'neither an EventBridge event nor'],
  ])('is none for %s, with the reason', (_name, body, reason) => {
    const event = originalEventOf(body);
    expect('unreadable' in event && event.unreadable).toContain(reason);
  });
});

describe('redriving a dead-letter queue onto the bus', () => {
  const sqs = mockClient(SQSClient);
  const eventBridge = mockClient(EventBridgeClient);
  const run = () =>
    redriveDeadLetters({
      sqs: new SQSClient({ region: 'eu-west-1' }),
      eventBridge: new EventBridgeClient({ region: 'eu-west-1' }),
      queueUrl: 'https://sqs/dlq',
      eventBusName: 'orders',
    });
  const message = (id: string, body: string) => ({ MessageId: id, ReceiptHandle: `rh-${id}`, Body: body });

  beforeEach(() => {
    sqs.reset();
    eventBridge.reset();
    sqs.on(DeleteMessageBatchCommand).resolves({});
    sqs.on(ChangeMessageVisibilityBatchCommand).resolves({});
  });

  it('puts each event back on the bus as it was and deletes only those EventBridge accepted', async () => {
    sqs
      .on(ReceiveMessageCommand)
      .resolvesOnce({
        Messages: [message('m-1', JSON.stringify(EVENT)), message('m-2', JSON.stringify(record()))],
      })
      .resolves({ Messages: [] });
    eventBridge
      .on(PutEventsCommand)
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'n-1' }, { EventId: 'n-2' }] });
    const report = await run();
    expect(report.redriven.map((one) => [one.messageId, one.eventId])).toEqual([
      ['m-1', 'n-1'],
      ['m-2', 'n-2'],
    ]);
    const [entry] = eventBridge.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries ?? [];
    expect(entry).toEqual({
      EventBusName: 'orders',
      Source: 'shop.web',
      DetailType: 'OrderRequested',
      Detail: JSON.stringify(EVENT.detail),
      Resources: EVENT.resources,
      Time: new Date(EVENT.time),
    });
    const deleted = sqs
      .commandCalls(DeleteMessageBatchCommand)[0]
      ?.args[0].input.Entries?.map((e) => e.ReceiptHandle);
    expect(deleted).toEqual(['rh-m-1', 'rh-m-2']);
  });

  it('leaves what it cannot redrive on the queue, visible again, each with its reason or error', async () => {
    sqs
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: [message('m-1', 'garbage'), message('m-2', JSON.stringify(EVENT))] })
      .resolves({ Messages: [] });
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' }],
    });
    const report = await run();
    expect(report.redriven).toEqual([]);
    expect(report.unreadable).toEqual([{ messageId: 'm-1', reason: expect.stringContaining('not JSON') }]);
    expect(report.refused).toEqual([
      { messageId: 'm-2', errorCode: 'MalformedDetail', errorMessage: 'Detail is malformed.' },
    ]);
    expect(sqs.commandCalls(DeleteMessageBatchCommand)).toEqual([]);
    const visible = sqs.commandCalls(ChangeMessageVisibilityBatchCommand)[0]?.args[0].input.Entries;
    expect(visible?.map((e) => [e.ReceiptHandle, e.VisibilityTimeout])).toEqual([
      ['rh-m-1', 0],
      ['rh-m-2', 0],
    ]);
  });

  it('stops once the queue hands back only messages it has seen, so a message it keeps is not tried twice', async () => {
    const kept = message('m-1', 'garbage');
    sqs
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: [kept] })
      .resolves({ Messages: [kept] });
    const report = await run();
    expect(report.unreadable).toHaveLength(1);
    expect(sqs.commandCalls(ReceiveMessageCommand)).toHaveLength(2);
  });
});
