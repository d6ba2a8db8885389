import { describe, expect, it } from 'vitest';
import type { AwsRequest } from '../../../../local/cloud/endpoint/aws-service.js';
import { eventsUnderTest } from './events-fixture.js';

const call = async (operation: string, body: unknown) => {
  const { service } = eventsUnderTest();
  const request: AwsRequest = {
    method: 'POST',
    path: '/',
    query: new URLSearchParams(),
    headers: { 'content-type': 'application/x-amz-json-1.1' },
    body: JSON.stringify(body),
    target: `AWSEvents.${operation}`,
    signingService: 'events',
  };
  const response = await service.handle(request);
  return { status: response.status, type: response.headers['content-type'], body: JSON.parse(response.body) };
};

describe('the read side of the local EventBridge, over the JSON protocol', () => {
  it('serves EventBridge on its target prefix and signing name, answering JSON 1.1', async () => {
    const { service } = eventsUnderTest();
    expect([service.targetPrefixes, service.signingNames]).toEqual([['AWSEvents.'], ['events']]);
    const listed = await call('ListEventBuses', {});
    expect(listed.type).toBe('application/x-amz-json-1.1');
    expect(listed.body.EventBuses.map((bus: { Name: string }) => bus.Name)).toEqual([
      'orders-bus',
      'default',
    ]);
    expect((await call('ListEventBuses', { NamePrefix: 'ord' })).body.EventBuses).toHaveLength(1);
  });

  it('describes a bus by name or ARN, the default bus when none is named, and refuses an unknown one', async () => {
    expect((await call('DescribeEventBus', {})).body).toEqual({
      Name: 'default',
      Arn: 'arn:aws:events:us-east-1:000000000000:event-bus/default',
    });
    const byArn = await call('DescribeEventBus', {
      Name: 'arn:aws:events:us-east-1:000000000000:event-bus/orders-bus',
    });
    expect(byArn.body.Name).toBe('orders-bus');
    expect(await call('DescribeEventBus', { Name: 'nope' })).toMatchObject({
      status: 400,
      body: { __type: 'ResourceNotFoundException', message: 'Event bus nope does not exist.' },
    });
  });

  it('lists the rules of a bus by name prefix, and describes one with its pattern as JSON text', async () => {
    const listed = await call('ListRules', { EventBusName: 'orders-bus', NamePrefix: 's' });
    expect(listed.body.Rules).toEqual([
      {
        Name: 'shipped',
        Arn: 'arn:aws:events:us-east-1:000000000000:rule/orders-bus/shipped',
        EventPattern: '{"detail-type":["OrderShipped"]}',
        State: 'ENABLED',
        EventBusName: 'orders-bus',
      },
    ]);
    const defaults = await call('ListRules', {});
    expect(defaults.body.Rules.map((rule: { Name: string }) => rule.Name)).toEqual(['audit-log', 'nightly']);
    expect((await call('DescribeRule', { Name: 'nightly' })).body).toMatchObject({
      ScheduleExpression: 'cron(0 2 * * ? *)',
    });
    expect(await call('DescribeRule', { Name: 'nightly', EventBusName: 'orders-bus' })).toMatchObject({
      body: {
        __type: 'ResourceNotFoundException',
        message: 'Rule nightly does not exist on EventBus orders-bus.',
      },
    });
  });

  it('lists the targets of a rule in the API shape, pages included', async () => {
    const targets = await call('ListTargetsByRule', { Rule: 'to-worker', EventBusName: 'orders-bus' });
    expect(targets.body.Targets).toEqual([
      {
        Id: 'Worker',
        Arn: 'arn:aws:lambda:us-east-1:000000000000:function:worker',
        DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:000000000000:events-dlq' },
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
      },
    ]);
    const first = await call('ListTargetsByRule', { Rule: 'shipped', EventBusName: 'orders-bus', Limit: 1 });
    expect(first.body.Targets.map((target: { Id: string }) => target.Id)).toEqual(['Work']);
    const second = await call('ListTargetsByRule', {
      Rule: 'shipped',
      EventBusName: 'orders-bus',
      Limit: 1,
      NextToken: first.body.NextToken,
    });
    expect(second.body.Targets).toEqual([
      expect.objectContaining({ Id: 'Ordered', SqsParameters: { MessageGroupId: 'shipments' } }),
    ]);
    expect(second.body.NextToken).toBeUndefined();
  });

  it('tests an event against a pattern, refusing a bad pattern or an event without the required fields', async () => {
    const event = {
      id: '1',
      account: '000000000000',
      source: 'shop',
      time: '2026-01-01T00:00:00Z',
      region: 'us-east-1',
      'detail-type': 'OrderPlaced',
      detail: { total: 150 },
    };
    const test = (EventPattern: unknown, Event: unknown = event) =>
      call('TestEventPattern', { EventPattern: JSON.stringify(EventPattern), Event: JSON.stringify(Event) });
    expect((await test({ detail: { total: [{ numeric: ['>', 100] }] } })).body).toEqual({ Result: true });
    expect((await test({ source: ['other'] })).body).toEqual({ Result: false });
    expect((await test({ source: 'shop' })).body.__type).toBe('InvalidEventPatternException');
    expect((await test({ source: ['shop'] }, { source: 'shop' })).body).toMatchObject({
      __type: 'InvalidEventPatternException',
      message: expect.stringContaining('missing required fields: id, account, time, region, detail-type'),
    });
  });

  it('answers PutEvents on the wire with per-entry results and a request-level ValidationException', async () => {
    const put = await call('PutEvents', {
      Entries: [{ Source: 'shop', DetailType: 'Ping', Detail: '{}', Time: 1767225600 }, { Source: 'shop' }],
    });
    expect(put.body.FailedEntryCount).toBe(1);
    expect(put.body.Entries[1].ErrorCode).toBe('InvalidArgument');
    expect(await call('PutEvents', {})).toMatchObject({
      status: 400,
      body: { __type: 'ValidationException' },
    });
  });
});
