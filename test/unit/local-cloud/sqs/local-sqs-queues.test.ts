import { describe, expect, it } from 'vitest';
import { sqsHarness } from './sqs-harness.js';

describe('local SQS queues, batches and redrive', () => {
  it('names an unknown queue QueueDoesNotExist with the query code the SDK reads', async () => {
    const { call } = sqsHarness();
    const missing = await call('SendMessage', {
      QueueUrl: 'http://127.0.0.1:1/000000000000/nope',
      MessageBody: 'x',
    });
    expect(missing).toMatchObject({ status: 400, body: { __type: 'QueueDoesNotExist' } });
    expect(missing.headers['x-amzn-query-error']).toBe('AWS.SimpleQueueService.NonExistentQueue;Sender');
  });

  it('finds a queue by URL under another host, by ARN and by name', async () => {
    const { call, deployment } = sqsHarness();
    const work = deployment.queues.find((queue) => queue.name === 'work');
    expect((await call('GetQueueUrl', { QueueName: 'work' })).body).toEqual({ QueueUrl: work?.url });
    for (const QueueUrl of ['http://127.0.0.1:4566/000000000000/work', work?.arn]) {
      expect((await call('SendMessage', { QueueUrl, MessageBody: 'x' })).status).toBe(200);
    }
  });

  it('reports each failed entry of a batch and sends the others', async () => {
    const { call, urlOf } = sqsHarness();
    const result = await call('SendMessageBatch', {
      QueueUrl: urlOf('work'),
      Entries: [
        { Id: 'ok', MessageBody: 'fine' },
        {
          Id: 'bad',
          MessageBody: 'x',
          MessageAttributes: { n: { DataType: 'Number', StringValue: 'seven' } },
        },
      ],
    });
    expect((result.body.Successful as Record<string, unknown>[]).map((entry) => entry.Id)).toEqual(['ok']);
    expect(result.body.Failed).toEqual([
      expect.objectContaining({ Id: 'bad', SenderFault: true, Code: 'InvalidParameterValue' }),
    ]);
  });

  it('refuses a batch that is empty, too long or with repeated ids', async () => {
    const { call, urlOf } = sqsHarness();
    const QueueUrl = urlOf('work');
    const many = Array.from({ length: 11 }, (_, index) => ({ Id: `m${index}`, MessageBody: 'x' }));
    expect((await call('SendMessageBatch', { QueueUrl, Entries: [] })).body.__type).toBe('EmptyBatchRequest');
    expect((await call('SendMessageBatch', { QueueUrl, Entries: many })).body.__type).toBe(
      'TooManyEntriesInBatchRequest',
    );
    const twice = [
      { Id: 'a', MessageBody: 'x' },
      { Id: 'a', MessageBody: 'y' },
    ];
    expect((await call('SendMessageBatch', { QueueUrl, Entries: twice })).body.__type).toBe(
      'BatchEntryIdsNotDistinct',
    );
  });

  it('lists queues by prefix and the sources of a dead-letter queue', async () => {
    const { call, urlOf } = sqsHarness();
    expect((await call('ListQueues', { QueueNamePrefix: 'orders' })).body).toEqual({
      QueueUrls: [urlOf('orders-dead.fifo'), urlOf('orders.fifo')],
    });
    expect((await call('ListDeadLetterSourceQueues', { QueueUrl: urlOf('dead-letters') })).body).toEqual({
      queueUrls: [urlOf('work')],
    });
  });

  it('reports the redrive policy and counts among the attributes', async () => {
    const { call, urlOf, deployment } = sqsHarness();
    await call('SendMessage', { QueueUrl: urlOf('work'), MessageBody: 'x' });
    const { body } = await call('GetQueueAttributes', {
      QueueUrl: urlOf('work'),
      AttributeNames: ['QueueArn', 'RedrivePolicy', 'ApproximateNumberOfMessages', 'VisibilityTimeout'],
    });
    const dlq = deployment.queues.find((queue) => queue.name === 'dead-letters');
    expect(body.Attributes).toEqual({
      QueueArn: deployment.queues.find((queue) => queue.name === 'work')?.arn,
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq?.arn, maxReceiveCount: 2 }),
      ApproximateNumberOfMessages: '1',
      VisibilityTimeout: '30',
    });
    expect(
      (await call('GetQueueAttributes', { QueueUrl: urlOf('work'), AttributeNames: ['Colour'] })).body.__type,
    ).toBe('InvalidAttributeName');
  });

  it('purges every message of a queue', async () => {
    const { call, urlOf, messagesOf } = sqsHarness();
    await call('SendMessage', { QueueUrl: urlOf('work'), MessageBody: 'x' });
    await call('PurgeQueue', { QueueUrl: urlOf('work') });
    expect(messagesOf(await call('ReceiveMessage', { QueueUrl: urlOf('work') }))).toEqual([]);
  });

  it('redrives a dead-letter queue back to the queue each message came from', async () => {
    const { call, urlOf, messagesOf, clock, deployment, context } = sqsHarness();
    await call('SendMessage', { QueueUrl: urlOf('work'), MessageBody: 'poison' });
    for (let receive = 0; receive < 3; receive += 1) {
      await call('ReceiveMessage', { QueueUrl: urlOf('work') });
      await clock.advance('30s');
    }
    const dlq = deployment.queues.find((queue) => queue.name === 'dead-letters');
    const started = await call('StartMessageMoveTask', { SourceArn: dlq?.arn });
    expect(started.body.TaskHandle).toEqual(expect.any(String));
    const tasks = await call('ListMessageMoveTasks', { SourceArn: dlq?.arn });
    expect(tasks.body.Results).toEqual([
      expect.objectContaining({
        Status: 'COMPLETED',
        ApproximateNumberOfMessagesMoved: 1,
        ApproximateNumberOfMessagesToMove: 1,
      }),
    ]);
    const [back] = messagesOf(
      await call('ReceiveMessage', { QueueUrl: urlOf('work'), AttributeNames: ['All'] }),
    );
    expect(back).toMatchObject({ Body: 'poison', Attributes: { ApproximateReceiveCount: '1' } });
    expect(context.journal.entries().map((entry) => entry.action)).toContain('MessageRedriven');
    const cancelled = await call('CancelMessageMoveTask', { TaskHandle: started.body.TaskHandle });
    expect(cancelled.body.__type).toBe('ResourceNotFoundException');
  });

  it('moves a dead-letter queue at the rate asked for, a tranche a second on the clock, until cancelled', async () => {
    const { call, urlOf, clock, deployment } = sqsHarness();
    const dlq = deployment.queues.find((queue) => queue.name === 'dead-letters');
    for (let index = 0; index < 3; index += 1)
      await call('SendMessage', { QueueUrl: urlOf('dead-letters'), MessageBody: `m${index}` });
    const started = await call('StartMessageMoveTask', {
      SourceArn: dlq?.arn,
      DestinationArn: deployment.queues.find((queue) => queue.name === 'short-lived')?.arn,
      MaxNumberOfMessagesPerSecond: 1,
    });
    await clock.advance('1s');
    const cancelled = await call('CancelMessageMoveTask', { TaskHandle: started.body.TaskHandle });
    expect(cancelled.body).toEqual({ ApproximateNumberOfMessagesMoved: 2 });
    const { body } = await call('GetQueueAttributes', {
      QueueUrl: urlOf('short-lived'),
      AttributeNames: ['ApproximateNumberOfMessages'],
    });
    expect(body.Attributes).toEqual({ ApproximateNumberOfMessages: '2' });
  });

  it('refuses to move messages from a queue that is no dead-letter queue', async () => {
    const { call, deployment } = sqsHarness();
    const work = deployment.queues.find((queue) => queue.name === 'work');
    expect((await call('StartMessageMoveTask', { SourceArn: work?.arn })).body.__type).toBe(
      'InvalidParameterValue',
    );
  });
});
