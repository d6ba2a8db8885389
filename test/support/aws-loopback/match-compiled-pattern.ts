import type { EventPattern } from '../../../lambdas/runtime/subscription-event-pattern.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function matchesValue(condition: unknown, value: unknown): boolean {
  if (Array.isArray(value)) return value.some((element) => matchesValue(condition, element));
  if (!isRecord(condition)) return condition === value;
  if (typeof condition.prefix === 'string') return typeof value === 'string' && value.startsWith(condition.prefix);
  if (typeof condition.exists === 'boolean') return condition.exists === (value !== undefined && !isRecord(value));
  throw new Error(`The loopback matcher does not support ${JSON.stringify(condition)}`);
}

/**
 * The slice of EventBridge's pattern language `subscriptionEventPattern` compiles to: nested fields, literal
 * values, `prefix`, `exists` and `$or`. Enough to route loopback events by the rules agentbridge deploys; an
 * operator outside that slice throws rather than matching wrongly.
 *
 * @example
 * matchesCompiledPattern({ 'detail-type': [{ prefix: 'order.' }] }, { 'detail-type': 'order.placed' }); // true
 */
export function matchesCompiledPattern(pattern: EventPattern, event: unknown): boolean {
  for (const [field, condition] of Object.entries(pattern)) {
    if (field === '$or') {
      const alternatives = condition as readonly EventPattern[];
      if (!alternatives.some((alternative) => matchesCompiledPattern(alternative, event))) return false;
      continue;
    }
    const value = isRecord(event) ? event[field] : undefined;
    if (Array.isArray(condition)) {
      if (!condition.some((allowed) => matchesValue(allowed, value))) return false;
    } else if (!matchesCompiledPattern(condition as EventPattern, value)) return false;
  }
  return true;
}
