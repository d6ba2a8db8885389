import { describe, expect, it } from 'vitest';
import { compileEventPattern } from '../../../../lambdas/runtime/event-pattern/compile-event-pattern.js';
import type { EventPattern } from '../../../../lambdas/runtime/event-pattern/event-pattern.js';
import { eventFixture } from './event-fixture.js';

const ec2 = eventFixture('ec2-state-change');
const launch = eventFixture('autoscaling-launch-null-values');
const roster = eventFixture('employees-arrays');

type Row = [name: string, pattern: EventPattern, event: Readonly<Record<string, unknown>>, expected: boolean];

const rows: Row[] = [
  ['docs table: ProductName exists', { ProductName: [{ exists: true }] }, { ProductName: 'x' }, true],
  ['docs table: ProductName does not exist', { ProductName: [{ exists: false }] }, { Other: 'x' }, true],
  ['Ruler README: detail.c-count exists', { detail: { 'c-count': [{ exists: true }] } }, ec2, true],
  ['exists false on a present field', { detail: { 'c-count': [{ exists: false }] } }, ec2, false],
  [
    'docs: exists false matches when the field is missing',
    { detail: { 'c-count': [{ exists: false }] } },
    { 'detail-type': 'x', detail: { state: ['initializing', 'running'] } },
    true,
  ],
  [
    'docs: exists false also matches when the field is an object (leaf nodes only)',
    { detail: { 'c-count': [{ exists: false }] } },
    { detail: { state: ['initializing', 'running'], 'c-count': { c1: 100 } } },
    true,
  ],
  [
    'exists true does not match an object-valued field (leaf nodes only)',
    { detail: { 'c-count': [{ exists: true }] } },
    { detail: { 'c-count': { c1: 100 } } },
    false,
  ],
  [
    'exists true matches a null value: null is present',
    { detail: { responseElements: [{ exists: true }] } },
    launch,
    true,
  ],
  [
    'exists false does not match a null value',
    { detail: { responseElements: [{ exists: false }] } },
    launch,
    false,
  ],
  ['exists true matches an empty string', { detail: { eventVersion: [{ exists: true }] } }, launch, true],
  ['exists true matches false', { a: [{ exists: true }] }, { a: false }, true],
  ['exists true matches zero', { a: [{ exists: true }] }, { a: 0 }, true],
  [
    'an empty array holds no value: exists true fails',
    { detail: { emptyList: [{ exists: true }] } },
    roster,
    false,
  ],
  [
    'an empty array holds no value: exists false holds',
    { detail: { emptyList: [{ exists: false }] } },
    roster,
    true,
  ],
  [
    'an empty object holds no value: exists false holds',
    { detail: { emptyObject: [{ exists: false }] } },
    roster,
    true,
  ],
  ['exists true over a scalar array', { detail: { tags: [{ exists: true }] } }, roster, true],
  ['exists false with an empty pattern target at the top', { nothing: [{ exists: false }] }, {}, true],
  ['exists false alongside a value: absent or equal', { a: [{ exists: false }, 'x'] }, { a: 'x' }, true],
  ['exists false alongside a value: absent or equal (absent)', { a: [{ exists: false }, 'x'] }, {}, true],
  ['exists false alongside a value: other value fails', { a: [{ exists: false }, 'x'] }, { a: 'y' }, false],
  [
    'exists false next to other fields',
    { source: ['aws.ec2'], detail: { 'error-code': [{ exists: false }] } },
    ec2,
    true,
  ],
];

describe('exists', () => {
  it.each(rows)('%s', (_name, pattern, event, expected) => {
    expect(compileEventPattern(pattern).matches(event)).toBe(expected);
  });
});

describe('null versus a missing field', () => {
  const table: Array<[string, EventPattern, boolean, boolean, boolean]> = [
    // pattern, matches {a: null}, matches {}, matches {a: "x"}
    ['[null]', { a: [null] }, true, false, false],
    ['exists true', { a: [{ exists: true }] }, true, false, true],
    ['exists false', { a: [{ exists: false }] }, false, true, false],
    ['anything-but "x"', { a: [{ 'anything-but': 'x' }] }, true, false, false],
    ['[""]', { a: [''] }, false, false, false],
  ];

  it.each(table)('%s', (_name, pattern, onNull, onMissing, onX) => {
    const compiled = compileEventPattern(pattern);
    expect([compiled.matches({ a: null }), compiled.matches({}), compiled.matches({ a: 'x' })]).toEqual([
      onNull,
      onMissing,
      onX,
    ]);
  });
});
