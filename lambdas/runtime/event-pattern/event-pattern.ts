/**
 * The shapes of the EventBridge event-pattern language, as TypeScript types. They document the language
 * (and help authors of patterns in code); the validator does not trust them, since patterns also arrive as
 * JSON text from templates and the CLI.
 */

/** `{ "equals-ignore-case": "x" }`, also nested in `prefix`, `suffix` and `anything-but`. */
export interface EqualsIgnoreCaseOperand {
  readonly 'equals-ignore-case': string;
}

/** The argument of `anything-but` in object form. */
export type AnythingButOperand =
  | { readonly prefix: string | readonly string[] }
  | { readonly suffix: string | readonly string[] }
  | { readonly 'equals-ignore-case': string | readonly string[] }
  | { readonly wildcard: string | readonly string[] };

/** A numeric comparison: one operator, or a lower bound (`>`/`>=`) followed by an upper (`<`/`<=`). */
export type NumericOperand =
  | readonly ['=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['>' | '>=', number, '<' | '<=', number];

/** One comparison operator object inside a field's value list. */
export type MatchExpression =
  | { readonly prefix: string | EqualsIgnoreCaseOperand }
  | { readonly suffix: string | EqualsIgnoreCaseOperand }
  | EqualsIgnoreCaseOperand
  | { readonly wildcard: string }
  | { readonly exactly: string }
  | { readonly 'anything-but': string | number | readonly string[] | readonly number[] | AnythingButOperand }
  | { readonly numeric: NumericOperand }
  | { readonly exists: boolean }
  | { readonly cidr: string };

/** An element of a field's value list: a literal (matched exactly) or a comparison operator. */
export type PatternValue = string | number | boolean | null | MatchExpression;

/**
 * An event pattern: nested objects mirror the event, leaves are non-empty value lists (OR), sibling
 * fields are ANDed, and `$or` holds two or more alternative sub-patterns.
 *
 * @example
 * const pattern: EventPattern = { source: ['aws.ec2'], detail: { state: [{ 'anything-but': 'pending' }] } };
 */
export interface EventPattern {
  readonly $or?: readonly EventPattern[];
  readonly [field: string]: EventPattern | readonly PatternValue[] | readonly EventPattern[] | undefined;
}

/**
 * The EventBridge event envelope (what PutEvents delivers to rules and what TestEventPattern takes).
 * Matching works on any JSON object; this type names the fields every bus event carries.
 */
export interface EventBridgeEvent<TDetail = unknown> {
  readonly version: string;
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: TDetail;
  readonly [extra: string]: unknown;
}
