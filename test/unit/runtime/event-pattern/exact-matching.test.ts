import { describe, expect, it } from 'vitest';
import { compileEventPattern } from '../../../../lambdas/runtime/event-pattern/compile-event-pattern.js';
import type { EventPattern } from '../../../../lambdas/runtime/event-pattern/event-pattern.js';
import { eventFixture } from './event-fixture.js';

const ec2 = eventFixture('ec2-state-change');
const terminated = eventFixture('ec2-instance-terminated');
const launch = eventFixture('autoscaling-launch-null-values');
const terminate = eventFixture('autoscaling-terminate-resources');

interface Case {
  readonly name: string;
  readonly pattern: EventPattern;
  readonly event: Readonly<Record<string, unknown>>;
  readonly expected: boolean;
}

const cases: Case[] = [
  // AWS docs, "Amazon EventBridge event patterns"
  {
    name: 'docs: EC2 instance-termination pattern matches the terminated event',
    pattern: {
      source: ['aws.ec2'],
      'detail-type': ['EC2 Instance State-change Notification'],
      detail: { state: ['terminated'] },
    },
    event: terminated,
    expected: true,
  },
  {
    name: 'docs: the same pattern ignores a running instance',
    pattern: {
      source: ['aws.ec2'],
      'detail-type': ['EC2 Instance State-change Notification'],
      detail: { state: ['terminated'] },
    },
    event: ec2,
    expected: false,
  },
  {
    name: 'docs: several values in a list are alternatives (OR)',
    pattern: { source: ['aws.ec2', 'aws.fargate'] },
    event: ec2,
    expected: true,
  },
  {
    name: 'Ruler README: simple matching over detail-type, resources and detail.state',
    pattern: {
      'detail-type': ['EC2 Instance State-change Notification'],
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
      detail: { state: ['initializing', 'running'] },
    },
    event: ec2,
    expected: true,
  },
  {
    name: 'every field in the pattern must match (AND)',
    pattern: { source: ['aws.ec2'], region: ['eu-west-1'] },
    event: ec2,
    expected: false,
  },
  {
    name: 'a field the event lacks never matches a value',
    pattern: { detail: { missing: ['x'] } },
    event: ec2,
    expected: false,
  },
  {
    name: 'string comparison is case-sensitive',
    pattern: { source: ['AWS.EC2'] },
    event: ec2,
    expected: false,
  },
  // Arrays in events
  {
    name: 'docs arrays: a pattern value matching any element of an event array matches',
    pattern: {
      resources: [
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
      ],
    },
    event: terminate,
    expected: true,
  },
  {
    name: 'docs arrays: no common element, no match',
    pattern: { resources: ['arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f'] },
    event: terminate,
    expected: false,
  },
  {
    name: 'an empty event array holds no values',
    pattern: { resources: [''] },
    event: launch,
    expected: false,
  },
  // Nested objects
  {
    name: 'nested objects are followed field by field',
    pattern: { detail: { Details: { 'Availability Zone': ['us-east-1b'] } } },
    event: terminate,
    expected: true,
  },
  {
    name: 'a pattern value never matches an object-valued field',
    pattern: { detail: { Details: ['us-east-1b'] } },
    event: terminate,
    expected: false,
  },
  // Null and empty strings (docs: "Matching null values and empty strings")
  {
    name: 'docs null: [""] matches an empty string',
    pattern: { detail: { eventVersion: [''] } },
    event: launch,
    expected: true,
  },
  {
    name: 'docs null: [null] matches a null value',
    pattern: { detail: { responseElements: [null] } },
    event: launch,
    expected: true,
  },
  {
    name: 'docs null: an empty-string pattern does not match null',
    pattern: { detail: { responseElements: [''] } },
    event: launch,
    expected: false,
  },
  {
    name: 'docs null: a null pattern does not match an empty string',
    pattern: { detail: { eventVersion: [null] } },
    event: launch,
    expected: false,
  },
  {
    name: 'a null pattern does not match a missing field',
    pattern: { detail: { nowhere: [null] } },
    event: launch,
    expected: false,
  },
  {
    name: 'a null pattern does not match the string "null"',
    pattern: { a: [null] },
    event: { a: 'null' },
    expected: false,
  },
];

const scalarCases: Array<[string, EventPattern, Record<string, unknown>, boolean]> = [
  ['numbers compare numerically: 300 matches 3.0e2', { n: [3.0e2] }, { n: 300 }, true],
  ['numbers compare numerically: 300.0 matches 300', { n: [300] }, JSON.parse('{"n": 300.0}'), true],
  ['a number does not match its string form', { n: [300] }, { n: '300' }, false],
  ['a string does not match the equal number', { n: ['300'] }, { n: 300 }, false],
  ['negative numbers', { n: [-5] }, { n: -5.0 }, true],
  ['different numbers differ', { n: [300] }, { n: 301 }, false],
  ['true matches true', { b: [true] }, { b: true }, true],
  ['true does not match "true"', { b: [true] }, { b: 'true' }, false],
  ['false does not match null', { b: [false] }, { b: null }, false],
  ['false does not match 0', { b: [false] }, { b: 0 }, false],
  ['a list may mix types', { v: ['x', 1, true, null] }, { v: null }, true],
  [
    'an account id beyond the numeric range still matches itself',
    { a: [123456789012] },
    { a: 123456789012 },
    true,
  ],
  [
    'an account id written as a string is a string',
    { account: ['123456789012'] },
    { account: '123456789012' },
    true,
  ],
  ['any element of a scalar array may match', { tags: ['b'] }, { tags: ['a', 'b', 'c'] }, true],
  ['nested arrays are flattened', { tags: ['c'] }, { tags: [['a'], ['b', ['c']]] }, true],
  ['unicode strings compare exactly', { name: ['Zoë 🚀'] }, { name: 'Zoë 🚀' }, true],
];

describe('exact matching', () => {
  it.each(cases)('$name', ({ pattern, event, expected }) => {
    expect(compileEventPattern(pattern).matches(event)).toBe(expected);
  });

  it.each(scalarCases)('%s', (_name, pattern, event, expected) => {
    expect(compileEventPattern(pattern).matches(event)).toBe(expected);
  });

  it('treats a dotted key and the nested path as the same field, as AWS does', () => {
    expect(
      compileEventPattern({ detail: { 'state.status': ['running'] } }).matches({
        detail: { state: { status: 'running' } },
      }),
    ).toBe(true);
    expect(
      compileEventPattern({ detail: { state: { status: ['running'] } } }).matches({
        detail: { 'state.status': 'running' },
      }),
    ).toBe(true);
  });

  it('lets a later mention of the same field replace the earlier one', () => {
    const pattern = compileEventPattern('{"a": ["x"], "a": ["y"]}');
    expect(pattern.matches({ a: 'y' })).toBe(true);
    expect(pattern.matches({ a: 'x' })).toBe(false);
  });
});

describe('numbers JSON can write but doubles cannot hold', () => {
  it('matches an overflowing number only to itself, never to null', () => {
    const pattern = compileEventPattern('{"n": [1e999]}');
    expect(pattern.matches('{"n": 1e999}')).toBe(true);
    expect(pattern.matches({ n: null })).toBe(false);
  });
});
