import { describe, expect, it } from 'vitest';
import { md5OfAttributes, md5OfBody } from '../../../../local/cloud/sqs/message-md5.js';
import { sqsHarness } from './sqs-harness.js';

describe('local SQS messages', () => {
  it('hands a sent message to one receiver with its checksums and system attributes', async () => {
    const { call, urlOf, messagesOf, clock } = sqsHarness();
    const attributes = { kind: { DataType: 'String', StringValue: 'order' } };
    const sent = await call('SendMessage', {
      QueueUrl: urlOf('work'),
      MessageBody: '{"orderId":"o-1"}',
      MessageAttributes: attributes,
    });
    expect(sent.body).toMatchObject({
      MD5OfMessageBody: md5OfBody('{"orderId":"o-1"}'),
      MD5OfMessageAttributes: md5OfAttributes(attributes),
    });
    const received = await call('ReceiveMessage', {
      QueueUrl: urlOf('work'),
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
    });
    const [message] = messagesOf(received);
    expect(message).toMatchObject({
      MessageId: sent.body.MessageId,
      Body: '{"orderId":"o-1"}',
      MD5OfBody: md5OfBody('{"orderId":"o-1"}'),
      MD5OfMessageAttributes: md5OfAttributes(attributes),
      MessageAttributes: attributes,
      Attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: String(clock.now()),
        ApproximateFirstReceiveTimestamp: String(clock.now()),
      },
    });
    expect(messagesOf(await call('ReceiveMessage', { QueueUrl: urlOf('work') }))).toEqual([]);
  });

  it('returns only the message attributes asked for, and their checksum over those', async () => {
    const { call, urlOf, messagesOf } = sqsHarness();
    await call('SendMessage', {
      QueueUrl: urlOf('work'),
      MessageBody: 'x',
      MessageAttributes: {
        'order.id': { DataType: 'String', StringValue: 'o-1' },
        other: { DataType: 'Number', StringValue: '7' },
      },
    });
    const [message] = messagesOf(
      await call('ReceiveMessage', { QueueUrl: urlOf('work'), MessageAttributeNames: ['order.*'] }),
    );
    const only = { 'order.id': { DataType: 'String', StringValue: 'o-1' } };
    expect(message?.MessageAttributes).toEqual(only);
    expect(message?.MD5OfMessageAttributes).toBe(md5OfAttributes(only));
    expect(message?.Attributes).toBeUndefined();
  });

  it('brings a received message back when its visibility timeout passes on the clock, and not before', async () => {
    const { call, urlOf, messagesOf, clock } = sqsHarness();
    await call('SendMessage', { QueueUrl: urlOf('work'), MessageBody: 'again' });
    expect(messagesOf(await call('ReceiveMessage', { QueueUrl: urlOf('work') }))).toHaveLength(1);
    await clock.advance('29s');
    expect(messagesOf(await call('ReceiveMessage', { QueueUrl: urlOf('work') }))).toHaveLength(0);
    await clock.advance('1s');
    const [again] = messagesOf(
      await call('ReceiveMessage', { QueueUrl: urlOf('work'), AttributeNames: ['ApproximateReceiveCount'] }),
    );
    expect(again?.Attributes).toEqual({ ApproximateReceiveCount: '2' });
  });

  it('deletes a message by its latest receipt handle only', async () => {
    const { call, urlOf, messagesOf, clock } = sqsHarness();
    await call('SendMessage', { QueueUrl: urlOf('dead-letters'), MessageBody: 'once' });
    const [first] = messagesOf(
      await call('ReceiveMessage', { QueueUrl: urlOf('dead-letters'), VisibilityTimeout: 1 }),
    );
    await clock.advance('1s');
    const [second] = messagesOf(
      await call('ReceiveMessage', { QueueUrl: urlOf('dead-letters'), VisibilityTimeout: 1 }),
    );
    expect(
      (await call('DeleteMessage', { QueueUrl: urlOf('dead-letters'), ReceiptHandle: first?.ReceiptHandle }))
        .status,
    ).toBe(200);
    await clock.advance('1s');
    expect(messagesOf(await call('ReceiveMessage', { QueueUrl: urlOf('dead-letters') }))).toHaveLength(1);
    const { body } = await call('GetQueueAttributes', {
      QueueUrl: urlOf('dead-letters'),
      AttributeNames: ['ApproximateNumberOfMessagesNotVisible'],
    });
    expect(body).toEqual({ Attributes: { ApproximateNumberOfMessagesNotVisible: '1' } });
    expect(second?.ReceiptHandle).not.toBe(first?.ReceiptHandle);
  });

  it('refuses a receipt handle it never issued', async () => {
    const { call, urlOf } = sqsHarness();
    const refused = await call('DeleteMessage', { QueueUrl: urlOf('work'), ReceiptHandle: 'forged' });
    expect(refused).toMatchObject({ status: 404, body: { __type: 'ReceiptHandleIsInvalid' } });
  });

  it('changes the visibility of a message in flight, and refuses one nobody holds', async () => {
    const { call, urlOf, messagesOf } = sqsHarness();
    await call('SendMessage', { QueueUrl: urlOf('work'), MessageBody: 'hold' });
    const [message] = messagesOf(await call('ReceiveMessage', { QueueUrl: urlOf('work') }));
    await call('ChangeMessageVisibility', {
      QueueUrl: urlOf('work'),
      ReceiptHandle: message?.ReceiptHandle,
      VisibilityTimeout: 0,
    });
    const [again] = messagesOf(
      await call('ReceiveMessage', { QueueUrl: urlOf('work'), VisibilityTimeout: 0 }),
    );
    expect(again?.MessageId).toBe(message?.MessageId);
    const refused = await call('ChangeMessageVisibility', {
      QueueUrl: urlOf('work'),
      ReceiptHandle: again?.ReceiptHandle,
      VisibilityTimeout: 5,
    });
    expect(refused).toMatchObject({ status: 400, body: { __type: 'MessageNotInflight' } });
    expect(refused.headers['x-amzn-query-error']).toBe('AWS.SimpleQueueService.MessageNotInflight;Sender');
  });

  it('holds a delayed message back until its delay passes on the clock', async () => {
    const { call, urlOf, messagesOf, clock } = sqsHarness();
    await call('SendMessage', { QueueUrl: urlOf('work'), MessageBody: 'later', DelaySeconds: 10 });
    const counts = await call('GetQueueAttributes', { QueueUrl: urlOf('work'), AttributeNames: ['All'] });
    expect(counts.body.Attributes).toMatchObject({
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesDelayed: '1',
    });
    expect(messagesOf(await call('ReceiveMessage', { QueueUrl: urlOf('work') }))).toHaveLength(0);
    await clock.advance('10s');
    expect(messagesOf(await call('ReceiveMessage', { QueueUrl: urlOf('work') }))).toHaveLength(1);
  });

  it('wakes a long poll with the message sent while it waits', async () => {
    const { call, urlOf, messagesOf, clock } = sqsHarness();
    const polling = call('ReceiveMessage', { QueueUrl: urlOf('work'), WaitTimeSeconds: 20 });
    await new Promise((resolve) => setImmediate(resolve));
    await call('SendMessage', { QueueUrl: urlOf('work'), MessageBody: 'wake' });
    expect(messagesOf(await polling).map((message) => message.Body)).toEqual(['wake']);
    expect(clock.armed).toBe(1);
  });

  it('ends an empty long poll when its wait passes on the clock', async () => {
    const { call, urlOf, messagesOf, clock } = sqsHarness();
    const polling = call('ReceiveMessage', { QueueUrl: urlOf('work'), WaitTimeSeconds: 5 });
    await clock.advance('5s');
    expect(messagesOf(await polling)).toEqual([]);
  });

  it('drops a message older than the retention period', async () => {
    const { call, urlOf, messagesOf, clock } = sqsHarness();
    await call('SendMessage', { QueueUrl: urlOf('short-lived'), MessageBody: 'stale' });
    await clock.advance('60s');
    expect(messagesOf(await call('ReceiveMessage', { QueueUrl: urlOf('short-lived') }))).toEqual([]);
  });

  it('moves a message received more than maxReceiveCount times to the dead-letter queue', async () => {
    const { call, urlOf, messagesOf, clock, context, deployment } = sqsHarness();
    const sent = await call('SendMessage', { QueueUrl: urlOf('work'), MessageBody: 'poison' });
    for (let receive = 0; receive < 2; receive += 1) {
      expect(messagesOf(await call('ReceiveMessage', { QueueUrl: urlOf('work') }))).toHaveLength(1);
      await clock.advance('30s');
    }
    expect(messagesOf(await call('ReceiveMessage', { QueueUrl: urlOf('work') }))).toEqual([]);
    const [dead] = messagesOf(
      await call('ReceiveMessage', { QueueUrl: urlOf('dead-letters'), MessageSystemAttributeNames: ['All'] }),
    );
    const work = deployment.queues.find((queue) => queue.name === 'work');
    expect(dead).toMatchObject({
      MessageId: sent.body.MessageId,
      Body: 'poison',
      Attributes: { DeadLetterQueueSourceArn: work?.arn, ApproximateReceiveCount: '1' },
    });
    expect(context.journal.entries().map((entry) => entry.action)).toContain('MovedToDeadLetterQueue');
  });
});
