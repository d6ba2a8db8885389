import { gunzipSync, gzipSync } from 'node:zlib';
import { ContractError } from '../../contracts/contract-error.js';
import type { EventPattern } from '../event-pattern/event-pattern.js';

const VALUE = /^\$\{agentbridge:value:(\d+)\}$/;

/** How `${agentbridge:value:<n>}` stands for the n-th deploy-time value in encoded patterns. */
export const patternValuePlaceholder = (index: number): string => `\${agentbridge:value:${index}}`;

/**
 * Encodes event patterns for a function's environment: JSON, gzipped, in base64 (rule patterns repeat their
 * fields, so a system's patterns fit Lambda's 4 KB of environment many times over). Deploy-time values must
 * already stand as {@link patternValuePlaceholder}s.
 *
 * @example
 * ```ts
 * const encoded = encodeRoutedPatterns([{ source: ['ops.monitoring'] }]);
 * ```
 */
export function encodeRoutedPatterns(patterns: readonly unknown[]): string {
  return gzipSync(JSON.stringify(patterns)).toString('base64');
}

const substitute = (value: unknown, values: readonly unknown[]): unknown => {
  if (typeof value === 'string') {
    const index = VALUE.exec(value)?.[1];
    if (index === undefined) return value;
    const resolved = values[Number(index)];
    if (resolved === undefined) {
      throw new ContractError(
        'INVALID_ROUTED_PATTERNS',
        `routed patterns name value ${index}, which is not given`,
      );
    }
    return resolved;
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, values));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, values)]));
  }
  return value;
};

/**
 * The event patterns {@link encodeRoutedPatterns} encoded, with the deploy-time values put back.
 *
 * @example
 * ```ts
 * const patterns = decodeRoutedPatterns(process.env.AGENTBRIDGE_ROUTED_PATTERNS, ['111111111111']);
 * ```
 */
export function decodeRoutedPatterns(encoded: string, values: readonly unknown[]): EventPattern[] {
  let patterns: unknown;
  try {
    patterns = JSON.parse(gunzipSync(Buffer.from(encoded, 'base64')).toString('utf8'));
  } catch (cause) {
    throw new ContractError('INVALID_ROUTED_PATTERNS', 'routed patterns are not gzipped JSON in base64', {
      cause,
    });
  }
  if (!Array.isArray(patterns)) {
    throw new ContractError('INVALID_ROUTED_PATTERNS', 'routed patterns are not a list of event patterns');
  }
  return patterns.map((pattern) => substitute(pattern, values) as EventPattern);
}
