import { describe, expect, it } from 'vitest';
import { selectPath } from '../../../../local/cloud/events/event-json-path.js';
import { type BusEvent, targetInput } from '../../../../local/cloud/events/target-input.js';

const event: BusEvent = {
  version: '0',
  id: '7bf73129-1428-4cd3-a780-95db273d1602',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '123456789012',
  time: '2015-11-11T21:29:54Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
  detail: { 'instance-id': 'i-0123456789', state: 'RUNNING', tags: { team: 'a' }, sizes: [1, 2] },
};
const context = {
  rule: { name: 'example', arn: 'arn:aws:events:us-east-1:123456789012:rule/example' },
  ingestionTime: '2015-11-11T21:29:55.000Z',
};
const transform = (inputTemplate: string, inputPathsMap: Record<string, string> = {}) =>
  targetInput(
    { input: undefined, inputPath: undefined, inputTransformer: { inputPathsMap, inputTemplate } },
    event,
    context,
  );
const paths = { instance: '$.detail.instance-id', state: '$.detail.state' };

describe("a target's input, shaped as EventBridge shapes it", () => {
  it('is the whole event without shaping, the constant Input, or the part InputPath selects', () => {
    const plain = { input: undefined, inputPath: undefined, inputTransformer: undefined };
    expect(JSON.parse(targetInput(plain, event, context))).toEqual(event);
    expect(targetInput({ ...plain, input: '{"fixed":true}' }, event, context)).toBe('{"fixed":true}');
    expect(JSON.parse(targetInput({ ...plain, inputPath: '$.detail.tags' }, event, context))).toEqual({
      team: 'a',
    });
  });

  it('fills a string template with the values as they are (the documented "Simple string")', () => {
    expect(transform('"instance <instance> is in <state>"', paths)).toBe(
      '"instance i-0123456789 is in RUNNING"',
    );
    expect(transform('"<aws.events.rule-name> triggered"')).toBe('"example triggered"');
  });

  it('writes variables of a JSON template as JSON: strings quoted, numbers, objects and arrays as they are', () => {
    const output = transform(
      '{"instance" : <instance>, "state": [ 9, <state>, true ], "tags": <tags>, "sizes": <sizes>, "Transformed" : "Yes"}',
      { ...paths, tags: '$.detail.tags', sizes: '$.detail.sizes' },
    );
    expect(JSON.parse(output)).toEqual({
      instance: 'i-0123456789',
      state: [9, 'RUNNING', true],
      tags: { team: 'a' },
      sizes: [1, 2],
      Transformed: 'Yes',
    });
  });

  it('puts a variable inside a quoted value unquoted, and strips the inner quotes of an object there', () => {
    expect(JSON.parse(transform('{"value": "instance <instance> is in <state>"}', paths))).toEqual({
      value: 'instance i-0123456789 is in RUNNING',
    });
    expect(transform('"Detail is <tags>"', { tags: '$.detail.tags' })).toBe('"Detail is {team:a}"');
  });

  it('fills the predefined variables: rule ARN and name, ingestion time, the event without and with detail', () => {
    const output = JSON.parse(
      transform(
        '{"arn": <aws.events.rule-arn>, "at": <aws.events.event.ingestion-time>, "bare": <aws.events.event>, "full": <aws.events.event.json>}',
      ),
    );
    expect(output.arn).toBe(context.rule.arn);
    expect(output.at).toBe(context.ingestionTime);
    expect(output.full).toEqual(event);
    expect(output.bare).toEqual({ ...event, detail: undefined });
    expect(Object.keys(output.bare)).not.toContain('detail');
  });

  it('writes nothing for a declared variable whose path is not in the event, and keeps undeclared <text>', () => {
    expect(JSON.parse(transform('{"gone": <gone>}', { gone: '$.detail.nothing' }))).toEqual({ gone: null });
    expect(transform('"left <gone> right"', { gone: '$.detail.nothing' })).toBe('"left  right"');
    expect(transform('"a <b> c"')).toBe('"a <b> c"');
  });

  it('evaluates the JSON paths EventBridge supports: dots, dashes, indices, brackets and wildcards', () => {
    expect(selectPath(event, '$.detail-type')).toEqual({ found: true, value: event['detail-type'] });
    expect(selectPath(event, '$.resources[0]')).toEqual({ found: true, value: event.resources[0] });
    expect(selectPath(event, "$.detail['instance-id']")).toEqual({ found: true, value: 'i-0123456789' });
    expect(selectPath(event, '$.detail.sizes[*]')).toEqual({ found: true, value: [1, 2] });
    expect(selectPath(event, '$.detail.sizes[5]')).toEqual({ found: false });
    expect(selectPath(event, '$')).toEqual({ found: true, value: event });
    expect(() => selectPath(event, 'detail')).toThrow(/does not start with \$/);
  });
});
