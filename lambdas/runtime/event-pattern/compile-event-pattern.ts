import { buildFieldMatchers } from './build-field-matchers.js';
import { CompiledEventPattern } from './compiled-event-pattern.js';
import type { EventPattern } from './event-pattern.js';
import { type EventPatternOptions, resolveEventPatternOptions } from './event-pattern-options.js';
import { type Alternative, type ExpandSettings, expandPattern } from './expand-pattern.js';
import { fieldIndex } from './field-index.js';
import { InvalidEventPatternError } from './invalid-event-pattern-error.js';
import { isJsonObject } from './json-value.js';
import { numericSemantics } from './numeric-semantics.js';

const readPattern = (pattern: unknown): { readonly value: unknown; readonly text: string } => {
  if (typeof pattern === 'string') {
    try {
      return { value: JSON.parse(pattern), text: pattern };
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'not JSON';
      throw new InvalidEventPatternError('INVALID_JSON', reason, '$', { cause: error });
    }
  }
  try {
    return { value: pattern, text: JSON.stringify(pattern) ?? '' };
  } catch (error) {
    throw new InvalidEventPatternError('INVALID_JSON', 'Pattern cannot be written as JSON', '$', {
      cause: error,
    });
  }
};

const mentionsOr = (value: unknown): boolean => {
  if (Array.isArray(value)) return value.some(mentionsOr);
  if (!isJsonObject(value)) return false;
  return Object.keys(value).some((key) => key === '$or' || mentionsOr(value[key]));
};

/*
 * AWS's matcher first reads `$or` as the OR primitive; if that reading is refused it retries with `$or`
 * as an ordinary field name, for rules written before the primitive existed. A pattern that fails both
 * ways reports the first reading's reason, which names the actual `$or` mistake.
 */
const expandWithLegacyFallback = (
  pattern: Readonly<Record<string, unknown>>,
  settings: ExpandSettings,
): Alternative[] => {
  try {
    return expandPattern(pattern, settings);
  } catch (error) {
    const retry =
      error instanceof InvalidEventPatternError && error.code !== 'RULE_TOO_COMPLEX' && mentionsOr(pattern);
    if (!retry) throw error;
    try {
      return expandPattern(pattern, { ...settings, orPrimitive: false });
    } catch {
      throw error;
    }
  }
};

/**
 * Validates and compiles an event pattern (object or JSON text). Throws InvalidEventPatternError with a
 * code, the reason and the path of the first problem.
 *
 * @example
 * const rule = compileEventPattern({ source: ['aws.ec2'], detail: { state: ['running'] } });
 * rule.matches(event); // true or false
 */
export const compileEventPattern = (
  pattern: EventPattern | string,
  options?: EventPatternOptions,
): CompiledEventPattern => {
  const resolved = resolveEventPatternOptions(options);
  const { value, text } = readPattern(pattern);
  if (text.length > resolved.maxPatternLength) {
    throw new InvalidEventPatternError(
      'PATTERN_TOO_LONG',
      `Event pattern is ${text.length} characters long; the limit is ${resolved.maxPatternLength}`,
      '$',
    );
  }
  if (!isJsonObject(value))
    throw new InvalidEventPatternError('NOT_AN_OBJECT', 'Filter is not an object', '$');
  const numbers = numericSemantics(resolved.numbers);
  const expanded = expandWithLegacyFallback(value, {
    orPrimitive: true,
    numbers,
    maxAlternatives: resolved.maxAlternatives,
  });
  const index = fieldIndex(expanded.flatMap((alternative) => [...alternative.keys()]));
  const alternatives = expanded.map((alternative) => buildFieldMatchers(alternative, index));
  return new CompiledEventPattern(alternatives, index, numbers, text);
};
