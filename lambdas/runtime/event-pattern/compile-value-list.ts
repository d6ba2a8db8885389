import { compileMatchExpression } from './compile-match-expression.js';
import { hexRangeAccepts } from './hex-range-accepts.js';
import { ipToHex } from './ip-address.js';
import { isJsonObject } from './json-value.js';
import { numberText } from './number-text.js';
import type { NumericSemantics } from './numeric-semantics.js';
import { indexPath } from './pattern-path.js';
import { refusePattern } from './refuse-pattern.js';
import type { ValueMatcher } from './value-matcher.js';

/*
 * A string that is an IP literal is compiled as an address, not as text: it then matches the same
 * address however the event writes it (::1 and 0:0:0:0:0:0:0:1), as in AWS's matcher.
 */
const compileString = (text: string): ValueMatcher => {
  const hex = ipToHex(text);
  return hex === undefined
    ? { kind: 'string', test: (value) => value === text }
    : { kind: 'ip', test: (value) => hexRangeAccepts(value, hex, hex) };
};

/*
 * A number literal matches both as a number (3.0e2 equals 300) and, for numbers outside the numeric
 * range (an account id such as 123456789012 under the documented limits), by its JSON text.
 */
const compileNumber = (value: number, numbers: NumericSemantics): ValueMatcher[] => {
  const literal: ValueMatcher = { kind: 'literal', text: numberText(value) };
  const key = numbers.patternKey(value);
  return typeof key === 'number'
    ? [{ kind: 'numeric', test: (candidate) => candidate === key }, literal]
    : [literal];
};

const compileValue = (value: unknown, numbers: NumericSemantics, path: string): ValueMatcher[] => {
  if (isJsonObject(value)) return [compileMatchExpression(value, numbers, path)];
  if (typeof value === 'string') return [compileString(value)];
  if (typeof value === 'number' && !Number.isNaN(value)) return compileNumber(value, numbers);
  if (typeof value === 'boolean' || value === null) return [{ kind: 'literal', text: String(value) }];
  return refusePattern(
    'INVALID_MATCH_VALUE',
    'Match value must be String, number, true, false, or null',
    path,
  );
};

/**
 * Compiles a leaf value list: the event field matches when any element matches (OR).
 *
 * @example
 * compileValueList(['running', { prefix: 'stop' }], numericSemantics('documented'), '$.detail.state');
 */
export const compileValueList = (
  values: readonly unknown[],
  numbers: NumericSemantics,
  path: string,
): readonly ValueMatcher[] => {
  const matchers = values.flatMap((value, index) => compileValue(value, numbers, indexPath(path, index)));
  if (matchers.length === 0) return refusePattern('EMPTY_ARRAY', 'Empty arrays are not allowed', path);
  return matchers;
};
