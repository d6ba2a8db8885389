import type { Alternative } from './expand-pattern.js';
import type { FieldIndex } from './field-index.js';
import type { FieldMatcher, ValueMatcher } from './value-matcher.js';

const fieldMatcher = (name: string, id: number, list: readonly ValueMatcher[]): FieldMatcher => ({
  name,
  id,
  matchers: list.filter((matcher) => matcher.kind !== 'absent'),
  allowsAbsent: list.some((matcher) => matcher.kind === 'absent'),
  convertsNumbers: list.some((matcher) => matcher.kind === 'numeric' || matcher.kind === 'not-numeric'),
  convertsIps: list.some((matcher) => matcher.kind === 'ip'),
});

/*
 * Fields are visited in sorted path order (UTF-16 code units, as Java sorts strings). The order is part
 * of the semantics: `exists: false` is judged against the array elements chosen by the fields before it.
 */
const byName = (left: string, right: string): number => (left < right ? -1 : left > right ? 1 : 0);

/**
 * Turns an expanded alternative into its field matchers, sorted by path, numbered by the pattern's index.
 *
 * @example
 * buildFieldMatchers(new Map([['source', matchers]]), fieldIndex(['source']))[0]?.name; // 'source'
 */
export const buildFieldMatchers = (alternative: Alternative, index: FieldIndex): readonly FieldMatcher[] =>
  [...alternative.keys()]
    .sort(byName)
    .map((name) => fieldMatcher(name, index.ids.get(name) ?? -1, alternative.get(name) ?? []));
