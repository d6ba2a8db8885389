import { describe, expect, it } from 'vitest';
import { compileEventPattern } from '../../../../lambdas/runtime/event-pattern/compile-event-pattern.js';
import type { EventPattern } from '../../../../lambdas/runtime/event-pattern/event-pattern.js';
import type { EventPatternOptions } from '../../../../lambdas/runtime/event-pattern/event-pattern-options.js';
import { eventFixture } from './event-fixture.js';

const ec2 = eventFixture('ec2-state-change');
const float64: EventPatternOptions = { numbers: 'float64' };

const matches = (
  pattern: EventPattern,
  event: Readonly<Record<string, unknown>>,
  options?: EventPatternOptions,
) => compileEventPattern(pattern, options).matches(event);

const value = (n: unknown) => ({ n });

type Row = [name: string, numeric: readonly unknown[], n: unknown, expected: boolean];

const operators: Row[] = [
  ['= matches the same number', ['=', 5], 5, true],
  ['= matches another spelling of the number', ['=', 3.018e2], 301.8, true],
  ['= rejects another number', ['=', 5], 6, false],
  ['< below', ['<', 10], 9.99, true],
  ['< at the bound', ['<', 10], 10, false],
  ['<= at the bound', ['<=', 10], 10, true],
  ['<= above', ['<=', 10], 10.5, false],
  ['> above', ['>', 0], 0.5, true],
  ['> at the bound', ['>', 0], 0, false],
  ['>= at the bound', ['>=', 0], 0, true],
  ['>= below', ['>=', 0], -1, false],
  ['> 0 <= 5: inside', ['>', 0, '<=', 5], 5, true],
  ['> 0 <= 5: open bottom', ['>', 0, '<=', 5], 0, false],
  ['>= 0 < 5: closed bottom', ['>=', 0, '<', 5], 0, true],
  ['>= 0 < 5: open top', ['>=', 0, '<', 5], 5, false],
  ['negative range', ['>', -10, '<', -1], -5, true],
  ['numeric never matches a numeric string', ['>', 0], '5', false],
  ['numeric never matches null', ['>=', 0], null, false],
  ['numeric never matches booleans', ['>=', 0], true, false],
  ['numeric over an array: any element in range', ['>', 10], [1, 2, 30], true],
  ['numeric over an array: none in range', ['>', 10], [1, 2, 3], false],
  ['the documented lower limit is inclusive', ['<', 0], -5e9, true],
  ['the documented upper limit is inclusive', ['>', 0], 5e9, true],
  ['event numbers beyond the documented range never match numeric', ['>', 0], 5.1e9, false],
  ['event numbers below the documented range never match numeric', ['<', 0], -6e9, false],
];

describe('numeric matching', () => {
  it.each(operators)('%s', (_name, numeric, n, expected) => {
    expect(matches({ n: [{ numeric: numeric as never }] }, value(n))).toBe(expected);
  });

  it('matches the Ruler README numeric example', () => {
    const pattern: EventPattern = {
      detail: {
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ numeric: ['=', 3.018e2] }],
      },
    };
    expect(matches(pattern, ec2)).toBe(true);
  });

  it('matches the docs complex example combining prefix, anything-but, numeric and cidr', () => {
    const pattern: EventPattern = {
      time: [{ prefix: '2017-10-02' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
        'source-ip': [{ cidr: '10.0.0.0/8' }],
      },
    };
    expect(matches(pattern, ec2)).toBe(true);
    expect(matches(pattern, { ...ec2, detail: { ...(ec2.detail as object), 'c-count': 6 } })).toBe(false);
  });

  it('compares to six decimal places under the documented limits', () => {
    expect(matches({ n: [{ numeric: ['=', 0.1] }] }, value(0.1000001))).toBe(true);
    expect(matches({ n: [{ numeric: ['=', 0.1] }] }, value(0.100002))).toBe(false);
    expect(matches({ n: [0] }, value(0.0000001))).toBe(true);
  });

  it('compares full doubles with the float64 semantics of newer AWS matchers', () => {
    expect(matches({ n: [{ numeric: ['=', 0.1] }] }, value(0.1000001), float64)).toBe(false);
    expect(matches({ n: [{ numeric: ['>', 1e10] }] }, value(2e12), float64)).toBe(true);
    expect(matches({ n: [{ numeric: ['<', -1e300] }] }, value(-1e301), float64)).toBe(true);
    expect(matches({ n: [1e15] }, value(1e15), float64)).toBe(true);
  });

  it('still matches a literal outside the documented range by its value', () => {
    expect(matches({ n: [1e10] }, value(10000000000))).toBe(true);
    expect(matches({ n: [1e10] }, value(10000000001))).toBe(false);
  });

  it('keeps exact string matching in a field that also compares numbers', () => {
    const pattern = { n: ['n/a', { numeric: ['>', 0] }] } as const satisfies EventPattern;
    expect(matches(pattern, value('n/a'))).toBe(true);
    expect(matches(pattern, value(3))).toBe(true);
    expect(matches(pattern, value(-3))).toBe(false);
  });
});
