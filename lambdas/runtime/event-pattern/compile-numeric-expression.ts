import type { NumericSemantics } from './numeric-semantics.js';
import { refusePattern, tokenText } from './refuse-pattern.js';
import type { ValueMatcher } from './value-matcher.js';

const TOO_MANY = 'Too many elements in numeric expression';

const isNumber = (token: unknown): token is number => typeof token === 'number' && !Number.isNaN(token);

const keyOf = (value: number, numbers: NumericSemantics, path: string): number => {
  const key = numbers.patternKey(value);
  return typeof key === 'number' ? key : refusePattern('NUMERIC_OUT_OF_RANGE', key.refused, path);
};

const between = (bottom: number, openBottom: boolean, top: number, openTop: boolean): ValueMatcher => ({
  kind: 'numeric',
  test: (key) =>
    (key > bottom || (!openBottom && key === bottom)) && (key < top || (!openTop && key === top)),
});

const operand = (token: unknown, operator: string, path: string): number =>
  isNumber(token)
    ? token
    : refusePattern(
        'INVALID_NUMERIC_EXPRESSION',
        `Value of ${operator === '=' ? 'equals' : operator} must be numeric`,
        path,
      );

/*
 * A range must read lower bound first: `>`/`>=` then `<`/`<=`. Structure is checked before any number is
 * converted, so a malformed range reports its shape, not its values.
 */
const completeRange = (
  tokens: readonly unknown[],
  bottomValue: number,
  openBottom: boolean,
  numbers: NumericSemantics,
  path: string,
): ValueMatcher => {
  const operator = tokens[2];
  if (typeof operator !== 'string') {
    return refusePattern(
      'INVALID_NUMERIC_EXPRESSION',
      `Bad value in numeric range: ${tokenText(operator)}`,
      path,
    );
  }
  if (operator !== '<' && operator !== '<=') {
    return refusePattern('INVALID_NUMERIC_EXPRESSION', `Bad numeric range operator: ${operator}`, path);
  }
  const topValue = operand(tokens[3], operator, path);
  if (tokens.length > 4) {
    return refusePattern('INVALID_NUMERIC_EXPRESSION', 'Too many terms in numeric range expression', path);
  }
  const bottom = keyOf(bottomValue, numbers, path);
  const top = keyOf(topValue, numbers, path);
  if (!(bottom < top)) return refusePattern('INVALID_NUMERIC_RANGE', 'Bottom must be less than top', path);
  return between(bottom, openBottom, top, operator === '<');
};

/**
 * Compiles the array of a `numeric` operator: `["=", n]`, `["<", n]`, `["<=", n]`, `[">", n]`,
 * `[">=", n]`, or a range `[">" | ">=", low, "<" | "<=", high]` with low below high.
 *
 * @example
 * compileNumericExpression(['>', 0, '<=', 5], numericSemantics('documented'), '$.detail.c-count[0].numeric');
 */
export const compileNumericExpression = (
  tokens: readonly unknown[],
  numbers: NumericSemantics,
  path: string,
): ValueMatcher => {
  const operator = tokens[0];
  if (typeof operator !== 'string') {
    return refusePattern(
      'INVALID_NUMERIC_EXPRESSION',
      `Invalid member in numeric match: ${tokenText(operator)}`,
      path,
    );
  }
  switch (operator) {
    case '=': {
      const value = operand(tokens[1], operator, path);
      if (tokens.length > 2) return refusePattern('INVALID_NUMERIC_EXPRESSION', TOO_MANY, path);
      const key = keyOf(value, numbers, path);
      return { kind: 'numeric', test: (candidate) => candidate === key };
    }
    case '>':
    case '>=': {
      const value = operand(tokens[1], operator, path);
      if (tokens.length > 2) return completeRange(tokens, value, operator === '>', numbers, path);
      return between(keyOf(value, numbers, path), operator === '>', numbers.highestKey, false);
    }
    case '<':
    case '<=': {
      const value = operand(tokens[1], operator, path);
      if (tokens.length > 2) return refusePattern('INVALID_NUMERIC_EXPRESSION', TOO_MANY, path);
      return between(numbers.lowestKey, false, keyOf(value, numbers, path), operator === '<');
    }
    default:
      return refusePattern(
        'INVALID_NUMERIC_EXPRESSION',
        `Unrecognized numeric range operator: ${operator}`,
        path,
      );
  }
};
