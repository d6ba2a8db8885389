import { describe, expect, it } from 'vitest';
import { sqsHarness } from './sqs-harness.js';

describe('local SQS FIFO queues', () => {
  it('hands out a group in order, one batch of the group in flight at a time', async () => {
    const { call, urlOf, messagesOf } = sqsHarness();
    const QueueUrl = urlOf('orders.fifo');
    for (const body of ['a1', 'a2', 'b1', 'a3']) {
      await call('SendMessage', { QueueUrl, MessageBody: body, MessageGroupId: body[0] });
    }
    const first = messagesOf(await call('ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 2 }));
    expect(first.map((message) => message.Body)).toEqual(['a1', 'a2']);
    const second = messagesOf(await call('ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 10 }));
    expect(second.map((message) => message.Body)).toEqual(['b1']);
    for (const message of first)
      await call('DeleteMessage', { QueueUrl, ReceiptHandle: message.ReceiptHandle });
    const third = messagesOf(await call('ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 10 }));
    expect(third.map((message) => message.Body)).toEqual(['a3']);
  });

  it('answers a duplicate within five minutes with the first message, and takes it again after', async () => {
    const { call, urlOf, messagesOf, clock } = sqsHarness();
    const QueueUrl = urlOf('orders.fifo');
    const first = await call('SendMessage', { QueueUrl, MessageBody: 'same', MessageGroupId: 'g' });
    const duplicate = await call('SendMessage', { QueueUrl, MessageBody: 'same', MessageGroupId: 'g' });
    expect(duplicate.body.MessageId).toBe(first.body.MessageId);
    expect(duplicate.body.SequenceNumber).toBe(first.body.SequenceNumber);
    const byId = await call('SendMessage', {
      QueueUrl,
      MessageBody: 'other',
      MessageGroupId: 'g',
      MessageDeduplicationId: 'd-1',
    });
    const byIdAgain = await call('SendMessage', {
      QueueUrl,
      MessageBody: 'different',
      MessageGroupId: 'g',
      MessageDeduplicationId: 'd-1',
    });
    expect(byIdAgain.body.MessageId).toBe(byId.body.MessageId);
    await clock.advance('5m');
    const later = await call('SendMessage', { QueueUrl, MessageBody: 'same', MessageGroupId: 'g' });
    expect(later.body.MessageId).not.toBe(first.body.MessageId);
    const received = messagesOf(
      await call('ReceiveMessage', {
        QueueUrl,
        MaxNumberOfMessages: 10,
        MessageSystemAttributeNames: ['MessageGroupId', 'SequenceNumber'],
      }),
    );
    expect(received.map((message) => message.Body)).toEqual(['same', 'other', 'same']);
    const sequence = received.map((message) =>
      BigInt(String((message.Attributes as Record<string, string>).SequenceNumber)),
    );
    expect([...sequence].sort((a, b) => (a < b ? -1 : 1))).toEqual(sequence);
  });

  it('refuses a FIFO send without a group id, or without a deduplication id on a queue with no content-based deduplication', async () => {
    const { call, urlOf } = sqsHarness();
    const noGroup = await call('SendMessage', { QueueUrl: urlOf('orders.fifo'), MessageBody: 'x' });
    expect(noGroup.body.__type).toBe('MissingParameter');
    const noDeduplication = await call('SendMessage', {
      QueueUrl: urlOf('orders-dead.fifo'),
      MessageBody: 'x',
      MessageGroupId: 'g',
    });
    expect(noDeduplication.body.__type).toBe('InvalidParameterValue');
  });

  it('moves a FIFO message past its receive count to the FIFO dead-letter queue, keeping its group', async () => {
    const { call, urlOf, messagesOf, clock } = sqsHarness();
    await call('SendMessage', { QueueUrl: urlOf('orders.fifo'), MessageBody: 'poison', MessageGroupId: 'g' });
    await call('SendMessage', { QueueUrl: urlOf('orders.fifo'), MessageBody: 'next', MessageGroupId: 'g' });
    expect(messagesOf(await call('ReceiveMessage', { QueueUrl: urlOf('orders.fifo') }))).toHaveLength(1);
    await clock.advance('30s');
    const after = messagesOf(await call('ReceiveMessage', { QueueUrl: urlOf('orders.fifo') }));
    expect(after.map((message) => message.Body)).toEqual(['next']);
    const [dead] = messagesOf(
      await call('ReceiveMessage', {
        QueueUrl: urlOf('orders-dead.fifo'),
        MessageSystemAttributeNames: ['MessageGroupId'],
      }),
    );
    expect(dead).toMatchObject({ Body: 'poison', Attributes: { MessageGroupId: 'g' } });
  });
});
