import { compileEventPattern } from './compile-event-pattern.js';
import type { EventPattern } from './event-pattern.js';
import type { EventPatternOptions } from './event-pattern-options.js';
import { type InvalidEventPatternError, isInvalidEventPatternError } from './invalid-event-pattern-error.js';

/**
 * Throws InvalidEventPatternError (code, reason, path) when EventBridge would refuse the pattern —
 * what PutRule checks before it stores a rule.
 *
 * @example
 * validateEventPattern({ detail: { count: [{ numeric: ['>', 10, '>', 20] }] } });
 * // throws: INVALID_NUMERIC_EXPRESSION "Bad numeric range operator: >"
 */
export const validateEventPattern = (pattern: EventPattern | string, options?: EventPatternOptions): void => {
  compileEventPattern(pattern, options);
};

/**
 * Like {@link validateEventPattern} but returns the refusal instead of throwing (undefined when valid).
 *
 * @example
 * checkEventPattern({ source: 'aws.ec2' })?.reason; // '"source" must be an object or an array'
 */
export const checkEventPattern = (
  pattern: EventPattern | string,
  options?: EventPatternOptions,
): InvalidEventPatternError | undefined => {
  try {
    compileEventPattern(pattern, options);
    return undefined;
  } catch (error) {
    if (isInvalidEventPatternError(error)) return error;
    throw error;
  }
};
