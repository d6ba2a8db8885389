import { describe, expect, it } from 'vitest';
import { InvalidEventPatternError } from '../../../../lambdas/runtime/event-pattern/invalid-event-pattern-error.js';
import type { PatternErrorCode } from '../../../../lambdas/runtime/event-pattern/pattern-error-code.js';
import { checkEventPattern } from '../../../../lambdas/runtime/event-pattern/validate-event-pattern.js';

type Row = [pattern: string, code: PatternErrorCode, reason: string, path: string];

const wildcard: Row[] = [
  [
    '{"a": [{"wildcard": "a**b"}]}',
    'INVALID_WILDCARD',
    'Consecutive wildcard characters at pos 2',
    '$.a[0].wildcard',
  ],
  [
    '{"a": [{"wildcard": "**"}]}',
    'INVALID_WILDCARD',
    'Consecutive wildcard characters at pos 1',
    '$.a[0].wildcard',
  ],
  [
    '{"a": [{"wildcard": "a\\\\b"}]}',
    'INVALID_WILDCARD',
    'Invalid escape character at pos 2',
    '$.a[0].wildcard',
  ],
  [
    '{"a": [{"wildcard": "ab\\\\"}]}',
    'INVALID_WILDCARD',
    'Invalid escape character at pos 3',
    '$.a[0].wildcard',
  ],
  [
    '{"a": [{"wildcard": "é**"}]}',
    'INVALID_WILDCARD',
    'Consecutive wildcard characters at pos 3',
    '$.a[0].wildcard',
  ],
  [
    '{"a": [{"anything-but": {"wildcard": ["ok*", "x**"]}}]}',
    'INVALID_WILDCARD',
    'Consecutive wildcard characters at pos 2',
    '$.a[0].anything-but',
  ],
];

const numeric: Row[] = [
  ['{"a": [{"numeric": 5}]}', 'INVALID_OPERAND', 'Value of numeric must be an array.', '$.a[0].numeric'],
  [
    '{"a": [{"numeric": []}]}',
    'INVALID_NUMERIC_EXPRESSION',
    'Invalid member in numeric match: ]',
    '$.a[0].numeric',
  ],
  [
    '{"a": [{"numeric": [5, ">"]}]}',
    'INVALID_NUMERIC_EXPRESSION',
    'Invalid member in numeric match: 5',
    '$.a[0].numeric',
  ],
  [
    '{"a": [{"numeric": ["!=", 5]}]}',
    'INVALID_NUMERIC_EXPRESSION',
    'Unrecognized numeric range operator: !=',
    '$.a[0].numeric',
  ],
  [
    '{"a": [{"numeric": ["=", "5"]}]}',
    'INVALID_NUMERIC_EXPRESSION',
    'Value of equals must be numeric',
    '$.a[0].numeric',
  ],
  [
    '{"a": [{"numeric": ["<"]}]}',
    'INVALID_NUMERIC_EXPRESSION',
    'Value of < must be numeric',
    '$.a[0].numeric',
  ],
  [
    '{"a": [{"numeric": [">=", null]}]}',
    'INVALID_NUMERIC_EXPRESSION',
    'Value of >= must be numeric',
    '$.a[0].numeric',
  ],
  [
    '{"a": [{"numeric": ["=", 5, 6]}]}',
    'INVALID_NUMERIC_EXPRESSION',
    'Too many elements in numeric expression',
    '$.a[0].numeric',
  ],
  [
    '{"a": [{"numeric": ["<", 5, ">", 1]}]}',
    'INVALID_NUMERIC_EXPRESSION',
    'Too many elements in numeric expression',
    '$.a[0].numeric',
  ],
  [
    '{"a": [{"numeric": [">", 0, 5]}]}',
    'INVALID_NUMERIC_EXPRESSION',
    'Bad value in numeric range: 5',
    '$.a[0].numeric',
  ],
  [
    '{"a": [{"numeric": [">", 0, ">", 5]}]}',
    'INVALID_NUMERIC_EXPRESSION',
    'Bad numeric range operator: >',
    '$.a[0].numeric',
  ],
  [
    '{"a": [{"numeric": [">", 0, "=", 5]}]}',
    'INVALID_NUMERIC_EXPRESSION',
    'Bad numeric range operator: =',
    '$.a[0].numeric',
  ],
  [
    '{"a": [{"numeric": [">", 0, "<"]}]}',
    'INVALID_NUMERIC_EXPRESSION',
    'Value of < must be numeric',
    '$.a[0].numeric',
  ],
  [
    '{"a": [{"numeric": [">", 0, "<", 5, "<", 6]}]}',
    'INVALID_NUMERIC_EXPRESSION',
    'Too many terms in numeric range expression',
    '$.a[0].numeric',
  ],
  [
    '{"a": [{"numeric": [">", 5, "<", 1]}]}',
    'INVALID_NUMERIC_RANGE',
    'Bottom must be less than top',
    '$.a[0].numeric',
  ],
  [
    '{"a": [{"numeric": [">=", 5, "<=", 5]}]}',
    'INVALID_NUMERIC_RANGE',
    'Bottom must be less than top',
    '$.a[0].numeric',
  ],
  [
    '{"a": [{"numeric": [">", 5000000001]}]}',
    'NUMERIC_OUT_OF_RANGE',
    'Value must be between -5.0E9 and 5.0E9, inclusive',
    '$.a[0].numeric',
  ],
  [
    '{"a": [{"numeric": ["<", -6e9]}]}',
    'NUMERIC_OUT_OF_RANGE',
    'Value must be between -5.0E9 and 5.0E9, inclusive',
    '$.a[0].numeric',
  ],
  [
    '{"a": [{"numeric": [">", 0], "x": 1}]}',
    'TOO_MANY_KEYS',
    'Too many elements in numeric expression',
    '$.a[0]',
  ],
];

const anythingBut: Row[] = [
  [
    '{"a": [{"anything-but": true}]}',
    'INVALID_OPERAND',
    'Value of anything-but must be an array or single string/number value.',
    '$.a[0].anything-but',
  ],
  [
    '{"a": [{"anything-but": ["x", 1]}]}',
    'INVALID_ANYTHING_BUT',
    'Inside anything but list, either all values are number or string, mixed type is not supported',
    '$.a[0].anything-but',
  ],
  [
    '{"a": [{"anything-but": []}]}',
    'INVALID_ANYTHING_BUT',
    'Inside anything but list, either all values are number or string, mixed type is not supported',
    '$.a[0].anything-but',
  ],
  [
    '{"a": [{"anything-but": ["x", null]}]}',
    'INVALID_ANYTHING_BUT',
    'Inside anything but list, start|null|boolean is not supported.',
    '$.a[0].anything-but',
  ],
  [
    '{"a": [{"anything-but": [6e9]}]}',
    'NUMERIC_OUT_OF_RANGE',
    'Value must be between -5.0E9 and 5.0E9, inclusive',
    '$.a[0].anything-but',
  ],
  [
    '{"a": [{"anything-but": {}}]}',
    'UNSUPPORTED_NESTED_OPERATOR',
    'Anything-But expression name not found',
    '$.a[0].anything-but',
  ],
  [
    '{"a": [{"anything-but": {"numeric": [">", 1]}}]}',
    'UNSUPPORTED_NESTED_OPERATOR',
    'Unsupported anything-but pattern: numeric',
    '$.a[0].anything-but',
  ],
  [
    '{"a": [{"anything-but": {"prefix": ""}}]}',
    'EMPTY_PREFIX_OR_SUFFIX',
    'Null prefix/suffix not allowed',
    '$.a[0].anything-but',
  ],
  [
    '{"a": [{"anything-but": {"suffix": ["x", ""]}}]}',
    'EMPTY_PREFIX_OR_SUFFIX',
    'Null prefix/suffix not allowed',
    '$.a[0].anything-but',
  ],
  [
    '{"a": [{"anything-but": {"prefix": 5}}]}',
    'INVALID_OPERAND',
    'prefix/suffix match pattern must be a string',
    '$.a[0].anything-but',
  ],
  [
    '{"a": [{"anything-but": {"equals-ignore-case": [1]}}]}',
    'INVALID_OPERAND',
    'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.',
    '$.a[0].anything-but',
  ],
  [
    '{"a": [{"anything-but": {"prefix": "x", "suffix": "y"}}]}',
    'TOO_MANY_KEYS',
    'Too many elements in numeric expression',
    '$.a[0].anything-but',
  ],
  [
    '{"a": [{"anything-but": {"prefix": []}}]}',
    'EMPTY_ARRAY',
    'Empty arrays are not allowed',
    '$.a[0].anything-but',
  ],
  [
    '{"a": [{"anything-but": "x", "b": 1}]}',
    'TOO_MANY_KEYS',
    'Too many elements in numeric expression',
    '$.a[0]',
  ],
];

const cidr: Row[] = [
  ['{"a": [{"cidr": "10.0.0.0"}]}', 'INVALID_CIDR', "Malformed CIDR, one '/' required", '$.a[0].cidr'],
  ['{"a": [{"cidr": "10.0.0.0/8/8"}]}', 'INVALID_CIDR', "Malformed CIDR, one '/' required", '$.a[0].cidr'],
  [
    '{"a": [{"cidr": "10.0.0.0/x"}]}',
    'INVALID_CIDR',
    'Malformed CIDR, mask bits must be an integer',
    '$.a[0].cidr',
  ],
  [
    '{"a": [{"cidr": "10.0.0.0/-1"}]}',
    'INVALID_CIDR',
    'Malformed CIDR, mask bits must not be negative',
    '$.a[0].cidr',
  ],
  ['{"a": [{"cidr": "10.0.0.0/32"}]}', 'INVALID_CIDR', 'IPv4 mask bits must be < 32', '$.a[0].cidr'],
  ['{"a": [{"cidr": "::/128"}]}', 'INVALID_CIDR', 'IPv6 mask bits must be < 128', '$.a[0].cidr'],
  ['{"a": [{"cidr": "10.0.0.256/8"}]}', 'INVALID_CIDR', 'Invalid IP address: 10.0.0.256', '$.a[0].cidr'],
  ['{"a": [{"cidr": "1:2:3/16"}]}', 'INVALID_CIDR', 'Invalid IP address: 1:2:3', '$.a[0].cidr'],
  [
    '{"a": [{"cidr": "host.example/8"}]}',
    'INVALID_CIDR',
    'Nonstandard IP address: host.example',
    '$.a[0].cidr',
  ],
  [
    '{"a": [{"cidr": "::ffff:10.0.0.1/8"}]}',
    'INVALID_CIDR',
    'Nonstandard IP address: ::ffff:10.0.0.1',
    '$.a[0].cidr',
  ],
];

describe('operator validation', () => {
  describe.each([
    ['wildcard', wildcard],
    ['numeric', numeric],
    ['anything-but', anythingBut],
    ['cidr', cidr],
  ])('%s', (_topic, rows) => {
    it.each(rows)('refuses %s', (pattern, code, reason, path) => {
      const error = checkEventPattern(pattern);
      expect(error).toBeInstanceOf(InvalidEventPatternError);
      expect({ code: error?.code, reason: error?.reason, path: error?.path }).toEqual({ code, reason, path });
    });
  });
});
