/**
 * Why a pattern was refused. The reason text that accompanies each code follows AWS's matcher
 * (aws/event-ruler), which is what EventBridge reports after "Event pattern is not valid. Reason:".
 */
export type PatternErrorCode =
  /** The pattern text is not JSON. */
  | 'INVALID_JSON'
  /** Longer than the event-pattern size quota (2048 characters by default, 4096 at most). */
  | 'PATTERN_TOO_LONG'
  /** "Filter is not an object". */
  | 'NOT_AN_OBJECT'
  /** "Empty objects are not allowed". */
  | 'EMPTY_OBJECT'
  /** A field holds a scalar instead of an object (nesting) or an array (values). */
  | 'INVALID_FIELD_VALUE'
  /** "Empty arrays are not allowed". */
  | 'EMPTY_ARRAY'
  /** A value list holds something other than a string, number, boolean, null or operator object. */
  | 'INVALID_MATCH_VALUE'
  /** An operator object is empty, or names an unknown operator (also: objects in a non-leaf array). */
  | 'UNRECOGNIZED_MATCH_TYPE'
  /** An operator object carries more than one key. */
  | 'TOO_MANY_KEYS'
  /** An operator's argument has the wrong type or shape. */
  | 'INVALID_OPERAND'
  /** `prefix`/`suffix`/`anything-but` nest an operator they do not support. */
  | 'UNSUPPORTED_NESTED_OPERATOR'
  /** `numeric`: bad operator, operand, order or count. */
  | 'INVALID_NUMERIC_EXPRESSION'
  /** `numeric` (and numeric `anything-but`): a number outside the supported range. */
  | 'NUMERIC_OUT_OF_RANGE'
  /** `numeric` range whose lower bound is not below its upper bound. */
  | 'INVALID_NUMERIC_RANGE'
  /** `anything-but` list mixing strings and numbers, or holding null/booleans/objects. */
  | 'INVALID_ANYTHING_BUT'
  /** `anything-but` prefix/suffix with an empty string. */
  | 'EMPTY_PREFIX_OR_SUFFIX'
  /** `wildcard`: consecutive `*` or an escape other than `\*` and `\\`. */
  | 'INVALID_WILDCARD'
  /** `cidr`: malformed block, address or mask. */
  | 'INVALID_CIDR'
  /** `$or`: not an array, elements not objects, fewer than two, or a reserved word used as a field. */
  | 'INVALID_OR'
  /** `$or` expansion beyond the local cap on alternatives. */
  | 'RULE_TOO_COMPLEX';
