import { describe, expect, it } from 'vitest';
import { isAgentbridgeError } from '../../../../lambdas/contracts/agentbridge-error.js';
import {
  InvalidEventPatternError,
  isInvalidEventPatternError,
} from '../../../../lambdas/runtime/event-pattern/invalid-event-pattern-error.js';
import type { PatternErrorCode } from '../../../../lambdas/runtime/event-pattern/pattern-error-code.js';
import {
  checkEventPattern,
  validateEventPattern,
} from '../../../../lambdas/runtime/event-pattern/validate-event-pattern.js';

type Row = [pattern: string, code: PatternErrorCode, reason: string, path: string];

const structure: Row[] = [
  ['not json', 'INVALID_JSON', expect.any(String) as unknown as string, '$'],
  ['["source"]', 'NOT_AN_OBJECT', 'Filter is not an object', '$'],
  ['"aws.ec2"', 'NOT_AN_OBJECT', 'Filter is not an object', '$'],
  ['null', 'NOT_AN_OBJECT', 'Filter is not an object', '$'],
  ['{}', 'EMPTY_OBJECT', 'Empty objects are not allowed', '$'],
  ['{"detail": {}}', 'EMPTY_OBJECT', 'Empty objects are not allowed', '$.detail'],
  ['{"source": "aws.ec2"}', 'INVALID_FIELD_VALUE', '"source" must be an object or an array', '$.source'],
  ['{"detail": {"n": 5}}', 'INVALID_FIELD_VALUE', '"n" must be an object or an array', '$.detail.n'],
  ['{"source": []}', 'EMPTY_ARRAY', 'Empty arrays are not allowed', '$.source'],
  [
    '{"a": [["x"]]}',
    'INVALID_MATCH_VALUE',
    'Match value must be String, number, true, false, or null',
    '$.a[0]',
  ],
  // Only leaf arrays: an object inside a value list is read as an operator
  [
    '{"detail": [{"state": ["x"]}]}',
    'UNRECOGNIZED_MATCH_TYPE',
    'Unrecognized match type state',
    '$.detail[0].state',
  ],
  ['{"a": [{}]}', 'UNRECOGNIZED_MATCH_TYPE', 'Match expression name not found', '$.a[0]'],
  ['{"a": [{"regex": "x"}]}', 'UNRECOGNIZED_MATCH_TYPE', 'Unrecognized match type regex', '$.a[0].regex'],
  [
    '{"a": [{"contains": "x"}]}',
    'UNRECOGNIZED_MATCH_TYPE',
    'Unrecognized match type contains',
    '$.a[0].contains',
  ],
  [
    '{"a": [{"prefix": "x", "suffix": "y"}]}',
    'TOO_MANY_KEYS',
    'Only one key allowed in match expression',
    '$.a[0]',
  ],
];

const operands: Row[] = [
  ['{"a": [{"prefix": 5}]}', 'INVALID_OPERAND', 'prefix match pattern must be a string', '$.a[0].prefix'],
  ['{"a": [{"suffix": null}]}', 'INVALID_OPERAND', 'suffix match pattern must be a string', '$.a[0].suffix'],
  [
    '{"a": [{"prefix": {}}]}',
    'UNSUPPORTED_NESTED_OPERATOR',
    'Prefix expression name not found',
    '$.a[0].prefix',
  ],
  [
    '{"a": [{"prefix": {"wildcard": "x"}}]}',
    'UNSUPPORTED_NESTED_OPERATOR',
    'Unsupported prefix pattern: wildcard',
    '$.a[0].prefix',
  ],
  [
    '{"a": [{"suffix": {"prefix": "x"}}]}',
    'UNSUPPORTED_NESTED_OPERATOR',
    'Unsupported suffix pattern: prefix',
    '$.a[0].suffix',
  ],
  [
    '{"a": [{"prefix": {"equals-ignore-case": 1}}]}',
    'INVALID_OPERAND',
    'equals-ignore-case match pattern must be a string',
    '$.a[0].prefix',
  ],
  [
    '{"a": [{"equals-ignore-case": ["x"]}]}',
    'INVALID_OPERAND',
    'equals-ignore-case match pattern must be a string',
    '$.a[0].equals-ignore-case',
  ],
  [
    '{"a": [{"exists": "true"}]}',
    'INVALID_OPERAND',
    'exists match pattern must be either true or false.',
    '$.a[0].exists',
  ],
  [
    '{"a": [{"exists": true, "x": 1}]}',
    'TOO_MANY_KEYS',
    'Only one key allowed in match expression',
    '$.a[0]',
  ],
  ['{"a": [{"exactly": 1}]}', 'INVALID_OPERAND', 'exact match pattern must be a string', '$.a[0].exactly'],
  [
    '{"a": [{"wildcard": 1}]}',
    'INVALID_OPERAND',
    'wildcard match pattern must be a string',
    '$.a[0].wildcard',
  ],
  ['{"a": [{"cidr": 10}]}', 'INVALID_OPERAND', 'cidr match pattern must be a string', '$.a[0].cidr'],
];

const or: Row[] = [
  [
    '{"$or": [{"a": ["1"]}]}',
    'INVALID_OR',
    'There must have at least 2 Objects in $or relationship.',
    '$.$or',
  ],
  ['{"$or": []}', 'INVALID_OR', 'There must have at least 2 Objects in $or relationship.', '$.$or'],
  ['{"$or": "x"}', 'INVALID_OR', 'It must be an Array followed with $or.', '$.$or'],
  [
    '{"$or": [{"a": ["1"]}, "b"]}',
    'INVALID_OR',
    'Only JSON object is allowed in array of $or relationship.',
    '$.$or[1]',
  ],
  ['{"$or": [{"a": ["1"]}, {}]}', 'EMPTY_OBJECT', 'Empty objects are not allowed', '$.$or[1]'],
  [
    '{"$or": [{"a": ["1"]}, {"cidr": ["x"]}]}',
    'INVALID_OR',
    'cidr is Ruler reserved fieldName which cannot be used inside $or.',
    '$.$or[1].cidr',
  ],
  [
    '{"$or": [{"a": ["1"]}, {"b": {"numeric": ["x"]}}]}',
    'INVALID_OR',
    'numeric is Ruler reserved fieldName which cannot be used inside $or.',
    '$.$or[1].b.numeric',
  ],
  ['{"$or": [{"a": []}, {"b": ["x"]}]}', 'EMPTY_ARRAY', 'Empty arrays are not allowed', '$.$or[0].a'],
];

describe('event pattern validation', () => {
  describe.each([
    ['structure and leaf arrays', structure],
    ['operator operands', operands],
    ['$or', or],
  ])('%s', (_topic, rows) => {
    it.each(rows)('refuses %s', (pattern, code, reason, path) => {
      const error = checkEventPattern(pattern);
      expect(error).toBeInstanceOf(InvalidEventPatternError);
      expect({ code: error?.code, reason: error?.reason, path: error?.path }).toEqual({ code, reason, path });
    });
  });

  it('throws a typed error that reads like EventBridge and carries the path', () => {
    let caught: unknown;
    try {
      validateEventPattern({ detail: { state: [{ numeric: ['>', 'x'] }] } } as never);
    } catch (error) {
      caught = error;
    }
    expect(isInvalidEventPatternError(caught)).toBe(true);
    expect(isAgentbridgeError(caught, 'INVALID_NUMERIC_EXPRESSION')).toBe(true);
    expect(caught).toMatchObject({
      name: 'InvalidEventPatternError',
      code: 'INVALID_NUMERIC_EXPRESSION',
      path: '$.detail.state[0].numeric',
      message:
        'Event pattern is not valid. Reason: Value of > must be numeric (at $.detail.state[0].numeric)',
    });
  });

  it('accepts every operator the docs list', () => {
    const pattern = {
      source: ['aws.ec2', { prefix: 'aws.' }, { suffix: '.ec2' }, { 'equals-ignore-case': 'AWS.EC2' }],
      detail: {
        a: [{ prefix: { 'equals-ignore-case': 'x' } }, { suffix: { 'equals-ignore-case': 'y' } }],
        b: [{ wildcard: 'dir/*.png' }, { exists: true }, { exists: false }, null, true, 3.5],
        c: [{ 'anything-but': 'x' }, { 'anything-but': [1, 2] }, { 'anything-but': { prefix: 'p' } }],
        d: [{ 'anything-but': { suffix: ['s'] } }, { 'anything-but': { 'equals-ignore-case': ['E'] } }],
        e: [
          { 'anything-but': { wildcard: '*/lib/*' } },
          { numeric: ['>', 0, '<=', 5] },
          { cidr: '2001:db8::/32' },
        ],
        $or: [{ f: ['1'] }, { g: ['2'] }],
      },
    };
    expect(checkEventPattern(pattern as never)).toBeUndefined();
  });

  it('enforces the event-pattern size quota', () => {
    const long = JSON.stringify({ source: ['x'.repeat(2100)] });
    expect(checkEventPattern(long)?.code).toBe('PATTERN_TOO_LONG');
    expect(checkEventPattern(long, { maxPatternLength: 4096 })).toBeUndefined();
  });

  it('accepts numbers beyond the documented range under float64 semantics', () => {
    expect(checkEventPattern('{"a": [{"numeric": [">", 1e12]}]}', { numbers: 'float64' })).toBeUndefined();
    expect(checkEventPattern('{"a": [{"numeric": [">", 5, "<", 1]}]}', { numbers: 'float64' })?.code).toBe(
      'INVALID_NUMERIC_RANGE',
    );
  });

  it('caps the alternatives $or can multiply into', () => {
    const level = (depth: number): object =>
      depth === 0
        ? { leaf: ['x'] }
        : { $or: [{ [`l${depth}`]: level(depth - 1) }, { [`r${depth}`]: ['y'] }] };
    const nested = { a: level(3), b: { $or: [{ c: ['1'] }, { d: ['2'] }] } };
    expect(checkEventPattern(nested as never, { maxAlternatives: 5 })?.code).toBe('RULE_TOO_COMPLEX');
    expect(checkEventPattern(nested as never)).toBeUndefined();
  });
});
