import { InvalidEventPatternError } from './invalid-event-pattern-error.js';
import type { PatternErrorCode } from './pattern-error-code.js';

/**
 * Throws the typed refusal; compile steps call it so every rejection carries a code, a reason and a path.
 *
 * @example
 * refusePattern('EMPTY_ARRAY', 'Empty arrays are not allowed', '$.source');
 */
export function refusePattern(code: PatternErrorCode, reason: string, path: string): never {
  throw new InvalidEventPatternError(code, reason, path);
}

/**
 * The text AWS's JSON tokenizer shows for a token in reasons: strings unquoted, `]` for the end of an
 * array, `{`/`[` for nested structure.
 *
 * @example
 * tokenText(undefined); // ']'
 */
export const tokenText = (token: unknown): string => {
  if (token === undefined) return ']';
  if (typeof token === 'string') return token;
  if (Array.isArray(token)) return '[';
  if (typeof token === 'object' && token !== null) return '{';
  return JSON.stringify(token) ?? String(token);
};
