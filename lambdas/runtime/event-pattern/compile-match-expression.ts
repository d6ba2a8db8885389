import { type CaseInsensitiveAnchor, caseInsensitiveMatcher } from './case-insensitive-matcher.js';
import { parseCidr } from './cidr-block.js';
import { compileAnythingBut } from './compile-anything-but.js';
import { compileNumericExpression } from './compile-numeric-expression.js';
import { hexRangeAccepts } from './hex-range-accepts.js';
import { isJsonObject } from './json-value.js';
import type { NumericSemantics } from './numeric-semantics.js';
import { childPath } from './pattern-path.js';
import { refusePattern } from './refuse-pattern.js';
import type { ValueMatcher } from './value-matcher.js';
import { parseWildcard, wildcardMatches } from './wildcard-pattern.js';

const ONE_KEY = 'Only one key allowed in match expression';
const TOO_MANY = 'Too many elements in numeric expression';

const stringOperand = (value: unknown, reason: string, path: string): string =>
  typeof value === 'string' ? value : refusePattern('INVALID_OPERAND', reason, path);

/** `prefix` / `suffix` either take a string or wrap `{ "equals-ignore-case": "..." }`. */
const compileAffix = (operator: 'prefix' | 'suffix', operand: unknown, path: string): ValueMatcher => {
  if (isJsonObject(operand)) {
    const [inner, ...extra] = Object.keys(operand);
    const title = operator === 'prefix' ? 'Prefix' : 'Suffix';
    if (inner === undefined) {
      return refusePattern('UNSUPPORTED_NESTED_OPERATOR', `${title} expression name not found`, path);
    }
    if (inner !== 'equals-ignore-case') {
      return refusePattern('UNSUPPORTED_NESTED_OPERATOR', `Unsupported ${operator} pattern: ${inner}`, path);
    }
    const text = stringOperand(operand[inner], 'equals-ignore-case match pattern must be a string', path);
    if (extra.length > 0) return refusePattern('TOO_MANY_KEYS', ONE_KEY, path);
    const anchor: CaseInsensitiveAnchor = operator;
    return { kind: 'string', test: caseInsensitiveMatcher(text, anchor) };
  }
  const text = stringOperand(operand, `${operator} match pattern must be a string`, path);
  return operator === 'prefix'
    ? { kind: 'string', test: (value) => value.startsWith(text) }
    : { kind: 'string', test: (value) => value.endsWith(text) };
};

const compileCidr = (operand: unknown, path: string): ValueMatcher => {
  const text = stringOperand(operand, 'cidr match pattern must be a string', path);
  const block = parseCidr(text);
  if (typeof block === 'string') return refusePattern('INVALID_CIDR', block, path);
  return { kind: 'ip', test: (hex) => hexRangeAccepts(hex, block.bottom, block.top) };
};

const compileWildcard = (operand: unknown, path: string): ValueMatcher => {
  const text = stringOperand(operand, 'wildcard match pattern must be a string', path);
  const parsed = parseWildcard(text);
  if (typeof parsed === 'string') return refusePattern('INVALID_WILDCARD', parsed, path);
  return { kind: 'string', test: (value) => wildcardMatches(parsed, value) };
};

const compileExists = (operand: unknown, path: string): ValueMatcher =>
  typeof operand === 'boolean'
    ? { kind: operand ? 'exists' : 'absent' }
    : refusePattern('INVALID_OPERAND', 'exists match pattern must be either true or false.', path);

const compileOperator = (
  operator: string,
  operand: unknown,
  numbers: NumericSemantics,
  path: string,
): ValueMatcher | undefined => {
  switch (operator) {
    case 'exactly': {
      const text = stringOperand(operand, 'exact match pattern must be a string', path);
      return { kind: 'string', test: (value) => value === text };
    }
    case 'prefix':
    case 'suffix':
      return compileAffix(operator, operand, path);
    case 'equals-ignore-case': {
      const text = stringOperand(operand, 'equals-ignore-case match pattern must be a string', path);
      return { kind: 'string', test: caseInsensitiveMatcher(text, 'whole') };
    }
    case 'wildcard':
      return compileWildcard(operand, path);
    case 'numeric':
      return Array.isArray(operand)
        ? compileNumericExpression(operand, numbers, path)
        : refusePattern('INVALID_OPERAND', 'Value of numeric must be an array.', path);
    case 'anything-but':
      return compileAnythingBut(operand, numbers, path);
    case 'exists':
      return compileExists(operand, path);
    case 'cidr':
      return compileCidr(operand, path);
    default:
      return undefined;
  }
};

/**
 * Compiles one operator object of a value list (`{ "prefix": "us-" }`, `{ "numeric": [">", 0] }`, ...).
 * Exactly one key is allowed; an unknown key — including a field name, which is what an object inside a
 * non-leaf array looks like — is refused as an unrecognized match type.
 *
 * @example
 * compileMatchExpression({ suffix: '.png' }, numericSemantics('documented'), '$.detail.FileName[0]');
 */
export const compileMatchExpression = (
  expression: Readonly<Record<string, unknown>>,
  numbers: NumericSemantics,
  path: string,
): ValueMatcher => {
  const [operator, ...extra] = Object.keys(expression);
  if (operator === undefined) {
    return refusePattern('UNRECOGNIZED_MATCH_TYPE', 'Match expression name not found', path);
  }
  const operatorPath = childPath(path, operator);
  const matcher = compileOperator(operator, expression[operator], numbers, operatorPath);
  if (matcher === undefined) {
    return refusePattern('UNRECOGNIZED_MATCH_TYPE', `Unrecognized match type ${operator}`, operatorPath);
  }
  if (extra.length > 0) {
    const tooMany = operator === 'numeric' || operator === 'anything-but';
    return refusePattern('TOO_MANY_KEYS', tooMany ? TOO_MANY : ONE_KEY, path);
  }
  return matcher;
};
