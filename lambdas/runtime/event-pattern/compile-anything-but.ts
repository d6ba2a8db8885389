import { caseInsensitiveMatcher } from './case-insensitive-matcher.js';
import { isJsonObject } from './json-value.js';
import type { NumericSemantics } from './numeric-semantics.js';
import { refusePattern } from './refuse-pattern.js';
import type { ValueMatcher } from './value-matcher.js';
import { parseWildcard, wildcardMatches } from './wildcard-pattern.js';

const TOO_MANY = 'Too many elements in numeric expression';
const BAD_VALUE = 'Value of anything-but must be an array or single string/number value.';

type StringOperator = 'prefix' | 'suffix' | 'equals-ignore-case' | 'wildcard';

const NOT_A_STRING: Record<StringOperator, string> = {
  prefix: 'prefix/suffix match pattern must be a string',
  suffix: 'prefix/suffix match pattern must be a string',
  'equals-ignore-case':
    'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.',
  wildcard: 'wildcard match pattern must be a string',
};

const isStringOperator = (name: string): name is StringOperator => name in NOT_A_STRING;

const excluderFor = (operator: StringOperator, value: string, path: string): ((text: string) => boolean) => {
  switch (operator) {
    case 'prefix':
      return (text) => text.startsWith(value);
    case 'suffix':
      return (text) => text.endsWith(value);
    case 'equals-ignore-case':
      return caseInsensitiveMatcher(value, 'whole');
    case 'wildcard': {
      const parsed = parseWildcard(value);
      if (typeof parsed === 'string') return refusePattern('INVALID_WILDCARD', parsed, path);
      return (text) => wildcardMatches(parsed, text);
    }
  }
};

/** `anything-but` with `prefix`, `suffix`, `equals-ignore-case` or `wildcard`: one string or a list. */
const compileStringOperator = (operand: Readonly<Record<string, unknown>>, path: string): ValueMatcher => {
  const [operator, ...extra] = Object.keys(operand);
  if (operator === undefined) {
    return refusePattern('UNSUPPORTED_NESTED_OPERATOR', 'Anything-But expression name not found', path);
  }
  if (!isStringOperator(operator)) {
    return refusePattern(
      'UNSUPPORTED_NESTED_OPERATOR',
      `Unsupported anything-but pattern: ${operator}`,
      path,
    );
  }
  const raw = operand[operator];
  if (!Array.isArray(raw) && typeof raw !== 'string' && typeof raw !== 'number') {
    return refusePattern('INVALID_OPERAND', BAD_VALUE, path);
  }
  const values: unknown[] = Array.isArray(raw) ? raw : [raw];
  const excluders = values.map((value) => {
    if (typeof value !== 'string') return refusePattern('INVALID_OPERAND', NOT_A_STRING[operator], path);
    if ((operator === 'prefix' || operator === 'suffix') && value === '') {
      return refusePattern('EMPTY_PREFIX_OR_SUFFIX', 'Null prefix/suffix not allowed', path);
    }
    return excluderFor(operator, value, path);
  });
  if (excluders.length === 0) return refusePattern('EMPTY_ARRAY', 'Empty arrays are not allowed', path);
  if (extra.length > 0) return refusePattern('TOO_MANY_KEYS', TOO_MANY, path);
  return { kind: 'not-string', excludes: (text) => excluders.some((excludes) => excludes(text)) };
};

/** `anything-but` with a value or a list: all strings, or all numbers (compared as numbers). */
const compileValues = (operand: unknown, numbers: NumericSemantics, path: string): ValueMatcher => {
  const list = Array.isArray(operand);
  const values: unknown[] = list ? operand : [operand];
  const strings = new Set<string>();
  const keys = new Set<number>();
  for (const value of values) {
    if (typeof value === 'string') {
      strings.add(value);
    } else if (typeof value === 'number' && !Number.isNaN(value)) {
      const key = numbers.patternKey(value);
      if (typeof key !== 'number') return refusePattern('NUMERIC_OUT_OF_RANGE', key.refused, path);
      keys.add(key);
    } else {
      const reason = list
        ? 'Inside anything but list, start|null|boolean is not supported.'
        : 'Inside anything-but list, start|null|boolean is not supported.';
      return refusePattern('INVALID_ANYTHING_BUT', reason, path);
    }
  }
  if (strings.size > 0 === keys.size > 0) {
    return refusePattern(
      'INVALID_ANYTHING_BUT',
      'Inside anything but list, either all values are number or string, mixed type is not supported',
      path,
    );
  }
  return strings.size > 0
    ? { kind: 'not-string', excludes: (text) => strings.has(text) }
    : { kind: 'not-numeric', keys };
};

/**
 * Compiles the argument of `anything-but`. It matches any value that is present and not excluded: string
 * exclusions never exclude numbers, booleans or null, and number exclusions never exclude strings — as
 * in AWS's matcher, where an anything-but only fails on a proven hit.
 *
 * @example
 * compileAnythingBut({ prefix: 'init' }, numericSemantics('documented'), '$.detail.state[0].anything-but');
 */
export const compileAnythingBut = (
  operand: unknown,
  numbers: NumericSemantics,
  path: string,
): ValueMatcher => {
  if (isJsonObject(operand)) return compileStringOperator(operand, path);
  if (Array.isArray(operand) || typeof operand === 'string' || typeof operand === 'number') {
    return compileValues(operand, numbers, path);
  }
  return refusePattern('INVALID_OPERAND', BAD_VALUE, path);
};
