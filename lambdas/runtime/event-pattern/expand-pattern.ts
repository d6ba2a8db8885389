import { compileValueList } from './compile-value-list.js';
import { isJsonObject } from './json-value.js';
import type { NumericSemantics } from './numeric-semantics.js';
import { childPath, indexPath } from './pattern-path.js';
import { refusePattern } from './refuse-pattern.js';
import type { ValueMatcher } from './value-matcher.js';

/** One alternative of a pattern: dotted field path → its compiled value list. */
export type Alternative = Map<string, readonly ValueMatcher[]>;

/** How to read a pattern object. */
export interface ExpandSettings {
  /** Treat `$or` as the OR primitive; false reads it as an ordinary field name (AWS's legacy reading). */
  readonly orPrimitive: boolean;
  readonly numbers: NumericSemantics;
  readonly maxAlternatives: number;
}

const OR = '$or';

/* Words AWS's matcher keeps for operators (current and planned); none may name a field inside `$or`. */
const RESERVED_IN_OR: ReadonlySet<string> = new Set([
  'exactly',
  'equals-ignore-case',
  'prefix',
  'suffix',
  'anything-but',
  'exists',
  'wildcard',
  'numeric',
  'cidr',
  '=',
  '<',
  '<=',
  '>',
  '>=',
  'regex',
  'not-wildcard',
  'not-equals-ignore-case',
  'date-after',
  'date-on-or-after',
  'date-before',
  'date-on-or-before',
  'in-date-range',
  'ip-address-in-range',
  'ip-address-not-in-range',
]);

interface Walk {
  readonly settings: ExpandSettings;
  readonly steps: readonly string[];
  readonly insideOr: boolean;
}

const setField = (alternatives: Alternative[], name: string, matchers: readonly ValueMatcher[]): void => {
  if (alternatives.length === 0) alternatives.push(new Map());
  // A later mention of the same path replaces the earlier one, in document order (as AWS does).
  for (const alternative of alternatives) alternative.set(name, matchers);
};

/*
 * `$or` forks every alternative built so far once per element, then keeps walking: fields after the
 * `$or` land in every fork, and a nested `$or` forks the forks (the count multiplies).
 */
const expandOr = (alternatives: Alternative[], value: unknown, walk: Walk, path: string): void => {
  const before = alternatives.map((alternative) => new Map(alternative));
  alternatives.length = 0;
  if (!Array.isArray(value)) refusePattern('INVALID_OR', `It must be an Array followed with ${OR}.`, path);
  value.forEach((element: unknown, index) => {
    const elementPath = indexPath(path, index);
    if (!isJsonObject(element)) {
      refusePattern('INVALID_OR', `Only JSON object is allowed in array of ${OR} relationship.`, elementPath);
    }
    const forks = before.length === 0 ? [new Map()] : before.map((alternative) => new Map(alternative));
    expandObject(forks, element, { ...walk, insideOr: true }, elementPath);
    alternatives.push(...forks);
    if (alternatives.length > walk.settings.maxAlternatives) {
      refusePattern(
        'RULE_TOO_COMPLEX',
        `Rule is too complex - more than ${walk.settings.maxAlternatives} ${OR} alternatives`,
        path,
      );
    }
  });
  if (value.length < 2) {
    refusePattern('INVALID_OR', `There must have at least 2 Objects in ${OR} relationship.`, path);
  }
};

function expandObject(
  alternatives: Alternative[],
  object: Readonly<Record<string, unknown>>,
  walk: Walk,
  path: string,
): void {
  const keys = Object.keys(object);
  if (keys.length === 0) refusePattern('EMPTY_OBJECT', 'Empty objects are not allowed', path);
  for (const key of keys) {
    const value = object[key];
    const keyPath = childPath(path, key);
    if (walk.settings.orPrimitive && key === OR) {
      expandOr(alternatives, value, walk, keyPath);
      continue;
    }
    if (walk.insideOr && RESERVED_IN_OR.has(key)) {
      refusePattern(
        'INVALID_OR',
        `${key} is Ruler reserved fieldName which cannot be used inside ${OR}.`,
        keyPath,
      );
    }
    const steps = [...walk.steps, key];
    if (isJsonObject(value)) {
      expandObject(alternatives, value, { ...walk, steps }, keyPath);
    } else if (Array.isArray(value)) {
      setField(alternatives, steps.join('.'), compileValueList(value, walk.settings.numbers, keyPath));
    } else {
      refusePattern('INVALID_FIELD_VALUE', `"${key}" must be an object or an array`, keyPath);
    }
  }
}

/**
 * Validates a pattern object and expands it into alternatives (the pattern matches when any alternative
 * does). Field paths are joined with dots, so `{"a": {"b": [..]}}` and `{"a.b": [..]}` name the same field,
 * as they do in AWS's matcher.
 *
 * @example
 * expandPattern({ source: ['a'], $or: [{ x: [1] }, { y: [2] }] }, settings).length; // 2
 */
export const expandPattern = (
  pattern: Readonly<Record<string, unknown>>,
  settings: ExpandSettings,
): Alternative[] => {
  const alternatives: Alternative[] = [];
  expandObject(alternatives, pattern, { settings, steps: [], insideOr: false }, '$');
  return alternatives;
};
