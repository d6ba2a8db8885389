import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueUrlCommand,
  QueueDoesNotExist,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEndpoint, startAwsEndpoint } from '../../../../local/cloud/endpoint/aws-endpoint.js';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import { createLocalQueues, type LocalSqs } from '../../../../local/cloud/sqs/create-local-queues.js';
import { testCloudContext } from '../../../support/local-cloud-context.js';
import { queuesDeployment } from './sqs-harness.js';

describe('local SQS through the SDK v3 client', () => {
  let endpoint: AwsEndpoint;
  let sqs: LocalSqs;
  let client: SQSClient;
  const deployment = queuesDeployment();
  const work = deployment.queues.find((queue) => queue.name === 'work')?.url ?? '';

  beforeAll(async () => {
    sqs = createLocalQueues(testCloudContext(deployment, {}, { clock: new LocalClock({ running: true }) }));
    endpoint = await startAwsEndpoint({ services: [sqs.service] });
    client = new SQSClient({
      endpoint: endpoint.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  afterAll(async () => {
    client.destroy();
    await endpoint.close();
    await sqs.close();
  });

  it('sends and receives with the checksums the client verifies', async () => {
    const sent = await client.send(
      new SendMessageCommand({
        QueueUrl: work,
        MessageBody: '{"orderId":"o-1","note":"crème brûlée"}',
        MessageAttributes: {
          kind: { DataType: 'String', StringValue: 'order' },
          blob: { DataType: 'Binary', BinaryValue: new Uint8Array([0, 255]) },
        },
      }),
    );
    const received = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: work,
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['All'],
        WaitTimeSeconds: 1,
      }),
    );
    const [message] = received.Messages ?? [];
    expect(message?.MessageId).toBe(sent.MessageId);
    expect(message?.MD5OfMessageAttributes).toBe(sent.MD5OfMessageAttributes);
    expect(message?.MessageAttributes?.blob?.BinaryValue).toEqual(new Uint8Array([0, 255]));
    expect(message?.Attributes?.ApproximateReceiveCount).toBe('1');
    const deleted = await client.send(
      new DeleteMessageBatchCommand({
        QueueUrl: work,
        Entries: [{ Id: 'one', ReceiptHandle: message?.ReceiptHandle }],
      }),
    );
    expect(deleted.Successful).toEqual([{ Id: 'one' }]);
  });

  it('sends a batch, and changes visibility in a batch', async () => {
    const sent = await client.send(
      new SendMessageBatchCommand({
        QueueUrl: work,
        Entries: [
          { Id: 'a', MessageBody: 'first' },
          { Id: 'b', MessageBody: 'second' },
        ],
      }),
    );
    expect(sent.Successful?.map((entry) => entry.Id)).toEqual(['a', 'b']);
    const received = await client.send(
      new ReceiveMessageCommand({ QueueUrl: work, MaxNumberOfMessages: 10 }),
    );
    const changed = await client.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: work,
        Entries: (received.Messages ?? []).map((message, index) => ({
          Id: `m${index}`,
          ReceiptHandle: message.ReceiptHandle,
          VisibilityTimeout: 0,
        })),
      }),
    );
    expect(changed.Successful).toHaveLength(2);
  });

  it('throws QueueDoesNotExist with the query code for a queue the deployment lacks', async () => {
    const error = await client
      .send(new GetQueueUrlCommand({ QueueName: 'nowhere' }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QueueDoesNotExist);
    expect((error as QueueDoesNotExist & { Code?: string }).Code).toBe(
      'AWS.SimpleQueueService.NonExistentQueue',
    );
  });
});
