import { describe, expect, it } from 'vitest';
import { AwsServiceError } from '../../../../local/cloud/endpoint/aws-service.js';
import { entrySize } from '../../../../local/cloud/events/put-events-request.js';
import { eventsUnderTest, order, START } from './events-fixture.js';

describe('PutEvents on the local EventBridge', () => {
  it('answers each refused entry in its place with the code and message AWS returns, and puts the rest', async () => {
    const { events } = eventsUnderTest();
    const result = await events.putEvents([
      order({ orderId: 'o-1' }),
      { DetailType: 'OrderPlaced', Detail: '{}' },
      { Source: 'shop', Detail: '{}' },
      { Source: 'shop', DetailType: 'OrderPlaced' },
      order({}, { Detail: '[1, 2]' }),
      order({}, { Detail: '{"unterminated": ' }),
      order({}, { Source: 'aws.ec2' }),
      order({}, { EventBusName: 'no-such-bus' }),
      order({}, { DetailType: 'x'.repeat(129) }),
    ]);
    expect(result.FailedEntryCount).toBe(8);
    expect(result.Entries[0]?.EventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.Entries.slice(1)).toEqual([
      {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.',
      },
      {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: 'Parameter DetailType is not valid. Reason: DetailType is a required argument.',
      },
      {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: 'Parameter Detail is not valid. Reason: Detail is a required argument.',
      },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' },
      { ErrorCode: 'ResourceNotFoundException', ErrorMessage: 'Event bus no-such-bus does not exist.' },
      {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: 'Parameter DetailType is not valid. Reason: DetailType is longer than 128 characters.',
      },
    ]);
  });

  it('refuses a whole request of no entries or more than ten with ValidationException', async () => {
    const { events } = eventsUnderTest();
    await expect(events.putEvents([])).rejects.toMatchObject({ awsCode: 'ValidationException', status: 400 });
    const eleven = Array.from({ length: 11 }, (_, i) => order({ i }));
    await expect(events.putEvents(eleven)).rejects.toThrow(/length less than or equal to 10/);
    await expect(events.putEvents(eleven.slice(0, 10))).resolves.toMatchObject({ FailedEntryCount: 0 });
  });

  it('measures the request as AWS documents it: 14 bytes for a Time, UTF-8 bytes of the rest, 256 KB in all', async () => {
    expect(
      entrySize({ Source: 'shop', DetailType: 'Ä', Detail: '{}', Resources: ['ab', 'c'], Time: '1' }),
    ).toBe(14 + 4 + 2 + 2 + 3);
    const { events } = eventsUnderTest();
    const padding = (bytes: number) => order({}, { Detail: JSON.stringify({ p: 'x'.repeat(bytes - 8) }) });
    const fits = padding(262_144 - 'shop'.length - 'OrderPlaced'.length);
    expect(entrySize(fits)).toBe(262_144);
    await expect(events.putEvents([fits])).resolves.toMatchObject({ FailedEntryCount: 0 });
    const over = { ...fits, Time: '1767225600' };
    await expect(events.putEvents([over])).rejects.toEqual(
      new AwsServiceError(
        'ValidationException',
        'Total size of the entries in the request is over the limit.',
      ),
    );
  });

  it('turns an accepted entry into the event AWS delivers and journals it on its bus, named or by ARN', async () => {
    const { events, journal } = eventsUnderTest();
    const result = await events.putEvents([
      order(
        { orderId: 'o-7', total: 12 },
        {
          EventBusName: 'arn:aws:events:us-east-1:000000000000:event-bus/orders-bus',
          Resources: ['arn:aws:s3:::b'],
          Time: String(Date.UTC(2026, 0, 1, 10, 30, 15, 500) / 1000),
        },
      ),
      { Source: 'tool', DetailType: 'Ping', Detail: '{}' },
    ]);
    const [first, second] = journal.entries().filter((entry) => entry.action === 'PutEvents');
    expect(first?.resource).toBe('orders-bus');
    expect(JSON.parse(first?.payload ?? '')).toEqual({
      version: '0',
      id: result.Entries[0]?.EventId,
      'detail-type': 'OrderPlaced',
      source: 'shop',
      account: '000000000000',
      time: '2026-01-01T10:30:15Z',
      region: 'us-east-1',
      resources: ['arn:aws:s3:::b'],
      detail: { orderId: 'o-7', total: 12 },
    });
    expect(Object.keys(JSON.parse(first?.payload ?? ''))).toEqual([
      'version',
      'id',
      'detail-type',
      'source',
      'account',
      'time',
      'region',
      'resources',
      'detail',
    ]);
    expect(second?.resource).toBe('default');
    expect(JSON.parse(second?.payload ?? '').time).toBe(new Date(START).toISOString().replace('.000', ''));
  });

  it('journals a refused entry with its error, so a trace shows it was never on the bus', async () => {
    const { events, journal } = eventsUnderTest();
    await events.putEvents([order({}, { Detail: 'not json' })]);
    expect(journal.entries()).toEqual([
      expect.objectContaining({
        action: 'PutEventsRejected',
        resource: 'orders-bus',
        detail: 'MalformedDetail: Detail is malformed.',
      }),
    ]);
  });

  it('delivers only to enabled rules whose pattern matches, and never runs a schedule rule', async () => {
    const { events, ports, clock } = eventsUnderTest();
    await events.putEvents([order({ orderId: 'o-1', total: 5 })]);
    await events.drain();
    // to-worker matches; big-orders (total > 100) does not; paused is disabled.
    expect(ports.invocations.map((call) => call.functionName)).toEqual(['worker']);
    expect(ports.executions).toEqual([]);
    await clock.advance('2d');
    await events.drain();
    expect(ports.invocations).toHaveLength(1);
  });
});
