import type { EventPattern } from '../../../lambdas/runtime/event-pattern/event-pattern.js';
import { matchEventPattern } from '../../../lambdas/runtime/event-pattern/match-event-pattern.js';

/**
 * Whether a record passes a mapping's filters: no filters pass everything, else any one pattern matching
 * the record does (Lambda's filter criteria use EventBridge's pattern syntax).
 */
export function passesFilters(
  filters: readonly EventPattern[],
  record: Readonly<Record<string, unknown>>,
): boolean {
  if (filters.length === 0) return true;
  return filters.some((pattern) => {
    try {
      return matchEventPattern(pattern, record);
    } catch {
      return false;
    }
  });
}

/**
 * An SQS record as filters see it: Lambda matches `body` as JSON when the body is a JSON object, else as
 * the plain string.
 */
export function sqsRecordForFilters(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const body = record.body;
  if (typeof body !== 'string') return { ...record };
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? { ...record, body: parsed }
      : { ...record };
  } catch {
    return { ...record };
  }
}
