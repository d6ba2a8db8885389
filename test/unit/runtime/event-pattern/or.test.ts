import { describe, expect, it } from 'vitest';
import { compileEventPattern } from '../../../../lambdas/runtime/event-pattern/compile-event-pattern.js';
import type { EventPattern } from '../../../../lambdas/runtime/event-pattern/event-pattern.js';
import { eventFixture } from './event-fixture.js';

const ec2 = eventFixture('ec2-state-change');

const matches = (pattern: EventPattern | string, event: Readonly<Record<string, unknown>>) =>
  compileEventPattern(pattern).matches(event);

describe('$or', () => {
  const docsDetailOr: EventPattern = {
    detail: {
      $or: [
        { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] },
        { 'd-count': [{ numeric: ['<', 10] }] },
        { 'x-limit': [{ numeric: ['=', 3.018e2] }] },
      ],
    },
  };

  const metricOr: EventPattern = {
    source: ['aws.cloudwatch'],
    $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
  };

  const rows: Array<[string, EventPattern, Readonly<Record<string, unknown>>, boolean]> = [
    ['docs: nested $or, first alternative', docsDetailOr, { detail: { 'c-count': 3 } }, true],
    ['docs: nested $or, last alternative', docsDetailOr, { detail: { 'x-limit': 301.8 } }, true],
    ['docs: nested $or, no alternative', docsDetailOr, { detail: { 'c-count': 9, 'd-count': 10 } }, false],
    ['docs: nested $or over the Ruler example event', docsDetailOr, ec2, true],
    [
      'README: source and metricName',
      metricOr,
      { source: 'aws.cloudwatch', metricName: 'ReadLatency' },
      true,
    ],
    ['README: source and namespace', metricOr, { source: 'aws.cloudwatch', namespace: 'AWS/ES' }, true],
    ['README: the source still applies', metricOr, { source: 'aws.ec2', namespace: 'AWS/ES' }, false],
    ['README: neither alternative', metricOr, { source: 'aws.cloudwatch', other: 'x' }, false],
    [
      'docs table: Location is New York or Day is Monday',
      { $or: [{ Location: ['New York'] }, { Day: ['Monday'] }] },
      { Location: 'Boston', Day: 'Monday' },
      true,
    ],
  ];

  it.each(rows)('%s', (_name, pattern, event, expected) => {
    expect(matches(pattern, event)).toBe(expected);
  });

  it('combines parallel $or groups with AND (README "Parallel Or")', () => {
    const pattern: EventPattern = {
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
      detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] },
    };
    expect(compileEventPattern(pattern).alternatives).toHaveLength(4);
    expect(
      matches(pattern, { namespace: 'AWS/EC2', detail: { 'detail-type': 'CloudWatch Alarm State Change' } }),
    ).toBe(true);
    expect(matches(pattern, { namespace: 'AWS/EC2', detail: { source: 'aws.ec2' } })).toBe(false);
  });

  it('supports AND inside an alternative and $or nested in $or (README "Nested Or and And")', () => {
    const pattern: EventPattern = {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency'] },
        {
          metricType: ['MetricType'],
          namespace: ['AWS/EC2', 'AWS/ES'],
          $or: [{ metricId: [1234] }, { spaceId: [1000] }],
        },
        { scope: ['Service'] },
      ],
    };
    expect(compileEventPattern(pattern).alternatives).toHaveLength(4);
    const base = { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/ES' };
    expect(matches(pattern, { ...base, spaceId: 1000 })).toBe(true);
    expect(matches(pattern, { ...base, metricId: 1234 })).toBe(true);
    expect(matches(pattern, base)).toBe(false);
    expect(matches(pattern, { source: 'aws.cloudwatch', spaceId: 1000 })).toBe(false);
    expect(matches(pattern, { source: 'aws.cloudwatch', scope: 'Service' })).toBe(true);
  });

  it('lets fields written after the $or reach every alternative', () => {
    const pattern: EventPattern = { $or: [{ a: ['1'] }, { b: ['2'] }], c: ['3'] };
    expect(matches(pattern, { b: '2', c: '3' })).toBe(true);
    expect(matches(pattern, { b: '2' })).toBe(false);
  });

  it('lets an alternative override a field written before the $or', () => {
    const pattern: EventPattern = { a: ['outer'], $or: [{ a: ['inner'] }, { b: ['x'] }] };
    expect(matches(pattern, { a: 'inner' })).toBe(true);
    expect(matches(pattern, { a: 'outer', b: 'x' })).toBe(true);
    expect(matches(pattern, { a: 'outer' })).toBe(false);
  });

  describe('when $or is not the OR primitive, it is an ordinary field name (AWS legacy reading)', () => {
    it('reads "$or" holding an object as a nested field', () => {
      const pattern = { source: ['aws.cloudwatch'], $or: { metricType: ['MetricType'] } };
      expect(
        matches(JSON.stringify(pattern), { source: 'aws.cloudwatch', $or: { metricType: 'MetricType' } }),
      ).toBe(true);
    });

    it('reads reserved words inside $or as match expressions of a field named "$or"', () => {
      const pattern = '{"$or": [{"numeric": [">", 100]}, {"prefix": "abc"}]}';
      expect(matches(pattern, { $or: 150 })).toBe(true);
      expect(matches(pattern, { $or: 'abcdef' })).toBe(true);
      expect(matches(pattern, { $or: 50 })).toBe(false);
    });

    it('reads "$or" holding plain values as a field', () => {
      expect(matches('{"$or": ["x"]}', { $or: 'x' })).toBe(true);
    });
  });
});
