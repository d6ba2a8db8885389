/**
 * One compiled element of a field's value list. The families mirror how AWS's matcher sees an event
 * value: strings (compared with their quotes, so string operators never match numbers, booleans or
 * null), JSON literals by their text, numbers by comparable key, and IP addresses by hex form.
 */
export type ValueMatcher =
  /** `{ "exists": true }`: any value at all, null included. */
  | { readonly kind: 'exists' }
  /** `{ "exists": false }`: satisfied only by the field's absence, never by a value. */
  | { readonly kind: 'absent' }
  /** Exact string, prefix, suffix, equals-ignore-case, wildcard, `exactly`: a test on string values. */
  | { readonly kind: 'string'; readonly test: (value: string) => boolean }
  /** `true`, `false`, `null` and number literals, compared by JSON text. */
  | { readonly kind: 'literal'; readonly text: string }
  /** Number literals and `numeric`: a test on the comparable key of a number. */
  | { readonly kind: 'numeric'; readonly test: (key: number) => boolean }
  /** `cidr` and IP-address string literals: a test on hex text. */
  | { readonly kind: 'ip'; readonly test: (hex: string) => boolean }
  /** `anything-but` over strings (values, prefix, suffix, equals-ignore-case, wildcard). */
  | { readonly kind: 'not-string'; readonly excludes: (value: string) => boolean }
  /** `anything-but` over numbers. */
  | { readonly kind: 'not-numeric'; readonly keys: ReadonlySet<number> };

/**
 * Everything one field of one alternative asks of the event. `convertsNumbers` and `convertsIps` mirror
 * AWS's per-field machine: once any numeric matcher is present, event numbers are compared only as
 * numbers; once an IP matcher is present (and no numeric one), strings that are IP literals are compared
 * only as addresses — so other string operators in the same list no longer see them.
 */
export interface FieldMatcher {
  /** Dotted path of the field (`detail.state`). */
  readonly name: string;
  /** Position of the field in the pattern's field index (where the flattened event keeps its values). */
  readonly id: number;
  readonly matchers: readonly ValueMatcher[];
  /** `{ "exists": false }` is in the list: an absent field satisfies it. */
  readonly allowsAbsent: boolean;
  readonly convertsNumbers: boolean;
  readonly convertsIps: boolean;
}
