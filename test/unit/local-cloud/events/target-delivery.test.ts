import { describe, expect, it } from 'vitest';
import { AwsServiceError } from '../../../../local/cloud/endpoint/aws-service.js';
import { eventsUnderTest, missing, order, START, throttled } from './events-fixture.js';

const RULE_ARN = 'arn:aws:events:us-east-1:000000000000:rule/orders-bus/to-worker';
const WORKER_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:worker';
const DLQ_ARN = 'arn:aws:sqs:us-east-1:000000000000:events-dlq';
const attribute = (StringValue: string) => ({ DataType: 'String', StringValue });

const putOrder = async (
  bridge: ReturnType<typeof eventsUnderTest>,
  detail = { orderId: 'o-1', total: 5 },
) => {
  const result = await bridge.events.putEvents([order(detail)]);
  await bridge.events.drain();
  const put = bridge.journal.entries().find((entry) => entry.action === 'PutEvents');
  return { eventId: result.Entries[0]?.EventId, eventJson: put?.payload ?? '' };
};

const actions = (bridge: ReturnType<typeof eventsUnderTest>, rule: string) =>
  bridge.journal
    .entries()
    .filter((entry) => entry.resource === rule)
    .map((entry) => entry.action);

describe('delivery to rule targets, with the retry policy and dead-letter queue AWS applies', () => {
  it('hands the event to the function asynchronously once, as the whole event', async () => {
    const bridge = eventsUnderTest();
    const { eventJson } = await putOrder(bridge);
    expect(bridge.ports.invocations).toEqual([{ functionName: 'worker', payload: eventJson, at: START }]);
    expect(actions(bridge, 'to-worker')).toEqual(['Delivered']);
  });

  it('delivers the event twice, both copies the same event, while duplicate deliveries are switched on', async () => {
    const faults = { duplicateDeliveries: true };
    const bridge = eventsUnderTest({ faults });
    const { eventJson } = await putOrder(bridge);
    expect(bridge.ports.invocations.map((call) => call.payload)).toEqual([eventJson, eventJson]);
    faults.duplicateDeliveries = false;
    await putOrder(bridge, { orderId: 'o-2', total: 1 });
    expect(bridge.ports.invocations).toHaveLength(3);
  });

  it('retries a throttled delivery with exponential backoff on the clock until the target takes it', async () => {
    const bridge = eventsUnderTest();
    bridge.ports.failNext('functions', throttled(), throttled());
    await putOrder(bridge);
    expect(bridge.events.pendingRetries).toBe(1);
    await bridge.clock.advance('749ms');
    expect(bridge.ports.invocations).toHaveLength(1);
    await bridge.clock.advance('1h');
    await bridge.idle();
    // Jitter fixed at the middle: 3/4 of 1 s, then 3/4 of 2 s.
    expect(bridge.ports.invocations.map((call) => call.at - START)).toEqual([0, 750, 2_250]);
    expect(actions(bridge, 'to-worker')).toEqual([
      'DeliveryFailed',
      'RetryScheduled',
      'DeliveryFailed',
      'RetryScheduled',
      'Delivered',
    ]);
    expect(bridge.ports.messages).toEqual([]);
  });

  it('sends the event to the DLQ with AWS attributes once MaximumRetryAttempts is exhausted', async () => {
    const bridge = eventsUnderTest();
    bridge.ports.failNext('functions', throttled(), throttled(), throttled(), throttled(), throttled());
    const { eventJson } = await putOrder(bridge);
    await bridge.clock.advance('1h');
    await bridge.events.drain();
    expect(bridge.ports.invocations).toHaveLength(4);
    expect(bridge.ports.messages).toEqual([
      {
        queue: DLQ_ARN,
        body: eventJson,
        attributes: {
          RULE_ARN: attribute(RULE_ARN),
          TARGET_ARN: attribute(WORKER_ARN),
          ERROR_CODE: attribute('THROTTLING'),
          ERROR_MESSAGE: attribute('Rate exceeded'),
          RETRY_ATTEMPTS: attribute('3'),
          EXHAUSTED_RETRY_CONDITION: attribute('MaximumRetryAttempts'),
        },
      },
    ]);
    expect(actions(bridge, 'to-worker').at(-1)).toBe('SentToDeadLetterQueue');
  });

  it('sends a delivery to a missing resource straight to the DLQ, without retrying it', async () => {
    const bridge = eventsUnderTest();
    bridge.ports.failNext('functions', missing());
    await putOrder(bridge);
    await bridge.clock.advance('1d');
    expect(bridge.ports.invocations).toHaveLength(1);
    expect(bridge.ports.messages[0]?.attributes).toEqual({
      RULE_ARN: attribute(RULE_ARN),
      TARGET_ARN: attribute(WORKER_ARN),
      ERROR_CODE: attribute('NO_RESOURCE'),
      ERROR_MESSAGE: attribute('Function not found: worker'),
      RETRY_ATTEMPTS: attribute('0'),
    });
  });

  it('stops retrying an unavailable target when the next retry would pass MaximumEventAgeInSeconds', async () => {
    const bridge = eventsUnderTest({
      backoff: { baseMs: 20 * 60_000, maxMs: 10 * 3_600_000, random: () => 0.5 },
    });
    const unavailable = () => new AwsServiceError('ServiceException', 'Service unavailable', { status: 503 });
    bridge.ports.failNext('functions', unavailable(), unavailable(), unavailable(), unavailable());
    await putOrder(bridge);
    await bridge.clock.advance('1d');
    await bridge.events.drain();
    // Retries at 15 and 45 minutes; the next, at 105 minutes, is past the rule's hour.
    expect(bridge.ports.invocations.map((call) => (call.at - START) / 60_000)).toEqual([0, 15, 45]);
    expect(bridge.ports.messages[0]?.attributes).toMatchObject({
      ERROR_CODE: attribute('INTERNAL_ERROR'),
      RETRY_ATTEMPTS: attribute('2'),
      EXHAUSTED_RETRY_CONDITION: attribute('MaximumEventAgeInSeconds'),
    });
  });

  it('drops and journals an undeliverable event when the target has no DLQ', async () => {
    const bridge = eventsUnderTest();
    bridge.ports.failNext('executions', missing());
    await putOrder(bridge, { orderId: 'o-2', total: 500 });
    expect(bridge.ports.executions).toEqual([]);
    expect(actions(bridge, 'big-orders')).toEqual(['DeliveryFailed', 'Dropped']);
    const dropped = bridge.journal.entries().find((entry) => entry.action === 'Dropped');
    expect(dropped?.payload).toContain('"orderId":"o-2"');
    expect(dropped?.detail).toBe(
      'target Saga (stateMachine saga): NO_RESOURCE is not retried; the target has no dead-letter queue',
    );
  });

  it('journals the loss when the DLQ itself refuses the event', async () => {
    const bridge = eventsUnderTest();
    bridge.ports.failNext('functions', missing());
    bridge.ports.failNext('queues', new AwsServiceError('AWS.SimpleQueueService.NonExistentQueue', 'gone'));
    await putOrder(bridge);
    expect(actions(bridge, 'to-worker')).toEqual(['DeliveryFailed', 'DeadLetterFailed']);
  });

  it('starts the state machine with the transformed input', async () => {
    const bridge = eventsUnderTest();
    await putOrder(bridge, { orderId: 'o-3', total: 250 });
    expect(bridge.ports.executions).toEqual([
      {
        stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:saga',
        input: '{"orderId": "o-3", "total": 250, "rule": "big-orders"}',
      },
    ]);
  });

  it("sends queue targets their input, a FIFO queue with the target's message group and the event id", async () => {
    const bridge = eventsUnderTest();
    const result = await bridge.events.putEvents([order({ orderId: 'o-4' }, { DetailType: 'OrderShipped' })]);
    await bridge.events.drain();
    const eventId = result.Entries[0]?.EventId;
    expect(bridge.ports.messages).toEqual([
      { queue: 'arn:aws:sqs:us-east-1:000000000000:work', body: '{"orderId":"o-4"}' },
      {
        queue: 'arn:aws:sqs:us-east-1:000000000000:ordered.fifo',
        body: '{"shipped":true}',
        messageGroupId: 'shipments',
        deduplicationId: eventId,
      },
    ]);
  });

  it('puts the event onto another bus, whose own rules then deliver it', async () => {
    const bridge = eventsUnderTest();
    await bridge.events.putEvents([order({ audit: 1 }, { DetailType: 'Audit' })]);
    await bridge.events.drain();
    await bridge.events.drain();
    const puts = bridge.journal.entries().filter((entry) => entry.action === 'PutEvents');
    expect(puts.map((entry) => entry.resource)).toEqual(['orders-bus', 'default']);
    expect(bridge.ports.messages).toEqual([
      { queue: 'arn:aws:sqs:us-east-1:000000000000:work', body: puts[1]?.payload },
    ]);
    expect(JSON.parse(puts[1]?.payload ?? '')).toMatchObject({ source: 'shop', detail: { audit: 1 } });
  });

  it('cancels the retries armed on the clock when it closes', async () => {
    const bridge = eventsUnderTest();
    bridge.ports.failNext('functions', throttled());
    await putOrder(bridge);
    expect(bridge.events.pendingRetries).toBe(1);
    await bridge.close();
    expect(bridge.events.pendingRetries).toBe(0);
    await bridge.clock.advance('1h');
    expect(bridge.ports.invocations).toHaveLength(1);
  });
});
