import { describe, expect, it } from 'vitest';
import { compileEventPattern } from '../../../../lambdas/runtime/event-pattern/compile-event-pattern.js';
import type { EventPattern } from '../../../../lambdas/runtime/event-pattern/event-pattern.js';
import { eventFixture } from './event-fixture.js';

const ec2 = eventFixture('ec2-state-change');

type Row = [name: string, pattern: EventPattern, event: Readonly<Record<string, unknown>>, expected: boolean];

const rows: Row[] = [
  // Values and lists (docs "Anything-but matching", Ruler README)
  [
    'docs: state is anything but initializing',
    { detail: { state: [{ 'anything-but': 'initializing' }] } },
    ec2,
    true,
  ],
  [
    'the excluded value itself does not match',
    { detail: { state: [{ 'anything-but': 'running' }] } },
    ec2,
    false,
  ],
  ['docs: a number', { detail: { 'x-limit': [{ 'anything-but': 123 }] } }, ec2, true],
  [
    'docs: a list of strings',
    { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
    ec2,
    true,
  ],
  [
    'a list of strings that holds the value',
    { detail: { state: [{ 'anything-but': ['stopped', 'running'] }] } },
    ec2,
    false,
  ],
  ['docs: a list of numbers', { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } }, ec2, true],
  ['numbers are excluded numerically', { n: [{ 'anything-but': [3.0e2] }] }, { n: 300 }, false],
  [
    'a missing field never matches anything-but',
    { detail: { nothing: [{ 'anything-but': 'x' }] } },
    ec2,
    false,
  ],
  ['an empty event array never matches anything-but', { a: [{ 'anything-but': 'x' }] }, { a: [] }, false],
  [
    'docs (SNS-style): an array with another value matches',
    { p: [{ 'anything-but': [100, 500] }] },
    { p: [100, 50] },
    true,
  ],
  [
    'an array of only excluded values does not match',
    { p: [{ 'anything-but': [100, 500] }] },
    { p: [100, 500] },
    false,
  ],
  ['string exclusions do not exclude numbers', { a: [{ 'anything-but': ['1'] }] }, { a: 1 }, true],
  ['number exclusions do not exclude strings', { a: [{ 'anything-but': [1] }] }, { a: '1' }, true],
  ['string exclusions let null through', { a: [{ 'anything-but': 'x' }] }, { a: null }, true],
  ['string exclusions let booleans through', { a: [{ 'anything-but': 'true' }] }, { a: true }, true],
  ['the empty string can be excluded', { a: [{ 'anything-but': '' }] }, { a: '' }, false],
  ['exclusion is case-sensitive', { a: [{ 'anything-but': 'Running' }] }, { a: 'running' }, true],
  [
    'two anything-but entries are alternatives, not a conjunction',
    { source: [{ 'anything-but': 'aws.ec2' }, { 'anything-but': 'aws.lambda' }] },
    { source: 'aws.ec2' },
    true,
  ],
  // prefix / suffix
  ['docs: anything-but prefix', { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } }, ec2, true],
  [
    'anything-but prefix excludes the prefix',
    { state: [{ 'anything-but': { prefix: 'init' } }] },
    { state: 'initializing' },
    false,
  ],
  [
    'docs table: region is not in the US',
    { Region: [{ 'anything-but': { prefix: 'us-' } }] },
    { Region: 'eu-west-1' },
    true,
  ],
  ['anything-but prefix lets numbers through', { a: [{ 'anything-but': { prefix: '1' } }] }, { a: 12 }, true],
  [
    'anything-but prefix list',
    { a: [{ 'anything-but': { prefix: ['us-', 'eu-'] } }] },
    { a: 'eu-west-1' },
    false,
  ],
  [
    'docs: anything-but suffix',
    { FileName: [{ 'anything-but': { suffix: '.txt' } }] },
    { FileName: 'notes.md' },
    true,
  ],
  [
    'anything-but suffix excludes the suffix',
    { FileName: [{ 'anything-but': { suffix: '.png' } }] },
    { FileName: 'a.png' },
    false,
  ],
  [
    'anything-but suffix list',
    { f: [{ 'anything-but': { suffix: ['.png', '.jpg'] } }] },
    { f: 'a.gif' },
    true,
  ],
  // equals-ignore-case
  [
    'docs: anything-but ignoring case excludes any casing',
    { detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['Stopped', 'OverLoaded'] } }] } },
    { detail: { state: 'STOPPED' } },
    false,
  ],
  [
    'anything-but ignoring case lets other values through',
    { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] },
    { state: 'running' },
    true,
  ],
  [
    'anything-but ignoring case lets numbers through',
    { a: [{ 'anything-but': { 'equals-ignore-case': 'x' } }] },
    { a: 3 },
    true,
  ],
  // wildcard
  [
    'docs table: FilePath without /lib/',
    { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] },
    { FilePath: '/usr/bin/env' },
    true,
  ],
  [
    'anything-but wildcard excludes matching paths',
    { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] },
    { FilePath: '/usr/lib/x.so' },
    false,
  ],
  [
    'docs: anything-but wildcard list',
    { FilePath: [{ 'anything-but': { wildcard: ['*/lib/*', '*/bin/*'] } }] },
    { FilePath: '/usr/bin/env' },
    false,
  ],
  // combined with other values in the list
  [
    'a value list combines anything-but with other operators (OR)',
    { a: [{ 'anything-but': 'x' }, { prefix: 'x' }] },
    { a: 'xyz' },
    true,
  ],
];

describe('anything-but', () => {
  it.each(rows)('%s', (_name, pattern, event, expected) => {
    expect(compileEventPattern(pattern).matches(event)).toBe(expected);
  });

  it('compares excluded numbers to six decimals under the documented limits', () => {
    const pattern = compileEventPattern({ n: [{ 'anything-but': [0.1] }] });
    expect(pattern.matches({ n: 0.1000001 })).toBe(false);
    expect(pattern.matches({ n: 0.100002 })).toBe(true);
  });

  it('never excludes an event number outside the documented range', () => {
    expect(compileEventPattern({ n: [{ 'anything-but': [5] }] }).matches({ n: 6e9 })).toBe(true);
  });
});
