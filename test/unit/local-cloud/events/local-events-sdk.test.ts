import {
  DescribeRuleCommand,
  EventBridgeClient,
  ListTargetsByRuleCommand,
  PutEventsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-eventbridge';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEndpoint, startAwsEndpoint } from '../../../../local/cloud/endpoint/aws-endpoint.js';
import { createLocalEvents } from '../../../../local/cloud/events/local-events.js';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import type { LocalQueues } from '../../../../local/cloud/local-cloud-ports.js';
import { createLocalQueues } from '../../../../local/cloud/sqs/create-local-queues.js';
import { testCloudContext } from '../../../support/local-cloud-context.js';
import { eventsDeployment, missing, recordingPorts } from './events-fixture.js';

describe('the local EventBridge through the SDK v3 client, with the local SQS behind the same endpoint', () => {
  const deployment = eventsDeployment();
  const queueUrl = (name: string) => deployment.queues.find((queue) => queue.name === name)?.url ?? '';
  const ports = recordingPorts();
  const clock = new LocalClock({ running: true });
  let sqsPort: LocalQueues | undefined;
  const context = testCloudContext(
    deployment,
    {
      functions: ports.functions,
      executions: ports.executionsPort,
      queues: {
        sendMessage: (message) => {
          if (sqsPort === undefined) throw new Error('SQS is not built yet');
          return sqsPort.sendMessage(message);
        },
      },
    },
    { clock },
  );
  const sqs = createLocalQueues(context);
  sqsPort = sqs.queues;
  const bridge = createLocalEvents(context);
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  let endpoint: AwsEndpoint;
  let events: EventBridgeClient;
  let queues: SQSClient;

  beforeAll(async () => {
    endpoint = await startAwsEndpoint({ services: [bridge.service, sqs.service] });
    events = new EventBridgeClient({ endpoint: endpoint.url, region: 'us-east-1', credentials });
    queues = new SQSClient({ endpoint: endpoint.url, region: 'us-east-1', credentials });
  });

  afterAll(async () => {
    events.destroy();
    queues.destroy();
    await endpoint.close();
    await bridge.close();
    await sqs.close();
  });

  const receive = async (name: string) => {
    const received = await queues.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl(name),
        MessageAttributeNames: ['All'],
        WaitTimeSeconds: 1,
      }),
    );
    return received.Messages ?? [];
  };

  it('puts events and delivers a matched one to its queue target, shaped by its InputPath', async () => {
    const put = await events.send(
      new PutEventsCommand({
        Entries: [
          {
            Source: 'shop',
            DetailType: 'OrderShipped',
            Detail: '{"orderId":"o-9"}',
            EventBusName: 'orders-bus',
            Time: new Date(Date.UTC(2026, 0, 2)),
          },
          { Source: 'shop', DetailType: 'OrderShipped', Detail: '"text"', EventBusName: 'orders-bus' },
        ],
      }),
    );
    expect(put.FailedEntryCount).toBe(1);
    expect(put.Entries?.[1]).toEqual({ ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' });
    await bridge.events.drain();
    const [message] = await receive('work');
    expect(message?.Body).toBe('{"orderId":"o-9"}');
    const journaled = context.journal.entries().find((entry) => entry.action === 'PutEvents');
    expect(JSON.parse(journaled?.payload ?? '').time).toBe('2026-01-02T00:00:00Z');
  });

  it('dead-letters an undeliverable event into the real queue with the attributes AWS adds', async () => {
    ports.failNext('functions', missing());
    await events.send(
      new PutEventsCommand({
        Entries: [
          {
            Source: 'shop',
            DetailType: 'OrderPlaced',
            Detail: '{"orderId":"o-10"}',
            EventBusName: 'orders-bus',
          },
        ],
      }),
    );
    await bridge.events.drain();
    const [dead] = await receive('events-dlq');
    expect(JSON.parse(dead?.Body ?? '{}')).toMatchObject({ source: 'shop', detail: { orderId: 'o-10' } });
    expect(dead?.MessageAttributes?.ERROR_CODE?.StringValue).toBe('NO_RESOURCE');
    expect(dead?.MessageAttributes?.RETRY_ATTEMPTS?.StringValue).toBe('0');
    expect(dead?.MessageAttributes?.RULE_ARN?.StringValue).toBe(
      'arn:aws:events:us-east-1:000000000000:rule/orders-bus/to-worker',
    );
  });

  it('answers the named exceptions the SDK raises, and the read-side calls in its shapes', async () => {
    // EventBridge's model names no ValidationException: the SDK raises it by the error's __type.
    await expect(events.send(new PutEventsCommand({ Entries: [] }))).rejects.toMatchObject({
      name: 'ValidationException',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(events.send(new DescribeRuleCommand({ Name: 'nope' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    const targets = await events.send(
      new ListTargetsByRuleCommand({ Rule: 'big-orders', EventBusName: 'orders-bus' }),
    );
    expect(targets.Targets?.[0]?.InputTransformer?.InputPathsMap).toEqual({
      order: '$.detail.orderId',
      total: '$.detail.total',
    });
  });
});
