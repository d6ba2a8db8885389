import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SqsEventDeadLetters } from '../../../../lambdas/patterns/event-bus/sqs-event-dead-letters.js';
import { originalEventOf } from '../../../../lambdas/runtime/aws/redrive-dead-letters.js';

const EVENT = {
  version: '0',
  id: 'e-1',
  'detail-type': 'IncidentOpened',
  source: 'agentbridge.intake',
  account: '111111111111',
  time: '2026-12-02T10:00:00Z',
  region: 'eu-west-1',
  resources: [],
  detail: { metadata: { id: 'm-1' }, data: { incidentId: 'inc-1', severity: 1 } },
};

describe('event dead letters on an SQS queue', () => {
  const sqs = mockClient(SQSClient);
  beforeEach(() => {
    sqs.reset();
    sqs.on(SendMessageCommand).resolves({ MessageId: 'q-1' });
  });
  const deadLetters = new SqsEventDeadLetters({
    sqs: new SQSClient({ region: 'eu-west-1' }),
    queueUrl: 'https://sqs/paging-dlq',
  });

  it('sends the original event as the body, which a redrive reads back whole, and the reason in attributes', async () => {
    await deadLetters.add({
      reason: 'delivery-failed',
      message: 'delivery to sms failed: no on-call number',
      event: EVENT,
      subscriptionId: 'sub-1',
      subscriber: 'sms',
      errorCode: 'NO_ON_CALL_NUMBER',
      recordedAt: '2026-12-02T10:00:01Z',
    });
    const [call] = sqs.commandCalls(SendMessageCommand);
    const input = call?.args[0].input;
    expect(input?.QueueUrl).toBe('https://sqs/paging-dlq');
    expect(JSON.parse(input?.MessageBody ?? '')).toEqual(EVENT);
    expect(originalEventOf(input?.MessageBody ?? '')).toMatchObject({
      source: EVENT.source,
      detailType: EVENT['detail-type'],
      detail: EVENT.detail,
      time: EVENT.time,
    });
    expect(input?.MessageAttributes).toEqual({
      'agentbridge.reason': { DataType: 'String', StringValue: 'delivery-failed' },
      'agentbridge.code': { DataType: 'String', StringValue: 'NO_ON_CALL_NUMBER' },
      'agentbridge.message': { DataType: 'String', StringValue: 'delivery to sms failed: no on-call number' },
      'agentbridge.subscriber': { DataType: 'String', StringValue: 'sms' },
      'agentbridge.subscription': { DataType: 'String', StringValue: 'sub-1' },
    });
  });

  it('codes an unrouted event by its reason when no error was thrown', async () => {
    await deadLetters.add({
      reason: 'no-subscribers',
      message: 'no subscribers',
      event: EVENT,
      recordedAt: '2026-12-02T10:00:01Z',
    });
    const attributes = sqs.commandCalls(SendMessageCommand)[0]?.args[0].input.MessageAttributes;
    expect(attributes?.['agentbridge.code']?.StringValue).toBe('NO_SUBSCRIBERS');
    expect(Object.keys(attributes ?? {})).not.toContain('agentbridge.subscriber');
  });

  it('lets a refused send fail the write, so the publish is retried', async () => {
    sqs.on(SendMessageCommand).rejects(new Error('throttled'));
    await expect(
      deadLetters.add({ reason: 'no-subscribers', message: 'x', event: EVENT, recordedAt: EVENT.time }),
    ).rejects.toThrow('throttled');
  });
});
