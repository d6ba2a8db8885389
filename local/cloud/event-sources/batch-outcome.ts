import type { FunctionResult } from '../local-cloud-ports.js';

/** How a batch fared: all done, some items to retry (by their identifiers), or failed whole. */
export type BatchOutcome =
  | { readonly kind: 'success' }
  | { readonly kind: 'partial'; readonly failed: readonly string[] }
  | { readonly kind: 'error'; readonly error: string };

const parsed = (payload: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false } => {
  if (payload.trim() === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(payload) };
  } catch {
    return { ok: false };
  }
};

/**
 * A function's answer to a batch, read as Lambda reads it. Without `ReportBatchItemFailures` only a function
 * error fails the batch. With it, an empty or null `batchItemFailures` (or response) is a full success; an
 * invalid JSON response or an `itemIdentifier` that is empty, null, misnamed or not in the batch fails the
 * whole batch; otherwise the identifiers listed are the failures.
 */
export function batchOutcomeOf(
  result: FunctionResult,
  reportBatchItemFailures: boolean,
  identifiers: ReadonlySet<string>,
): BatchOutcome {
  if (result.functionError !== undefined) return { kind: 'error', error: result.payload };
  if (!reportBatchItemFailures) return { kind: 'success' };
  const response = parsed(result.payload);
  if (!response.ok) return { kind: 'error', error: `invalid JSON response: ${result.payload}` };
  const value = response.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { kind: 'success' };
  const failures = (value as Record<string, unknown>).batchItemFailures;
  if (failures === undefined || failures === null) return { kind: 'success' };
  if (!Array.isArray(failures))
    return { kind: 'error', error: `invalid batchItemFailures: ${result.payload}` };
  const failed: string[] = [];
  for (const failure of failures) {
    const identifier = (failure as Record<string, unknown> | null)?.itemIdentifier;
    if (typeof identifier !== 'string' || identifier === '' || !identifiers.has(identifier)) {
      return { kind: 'error', error: `invalid itemIdentifier in ${result.payload}` };
    }
    failed.push(identifier);
  }
  return failed.length === 0 ? { kind: 'success' } : { kind: 'partial', failed };
}

/** Invokes and reads the outcome; an invoke that throws (throttled, missing function) fails the batch. */
export async function invokeBatch(
  invoke: () => Promise<FunctionResult>,
  reportBatchItemFailures: boolean,
  identifiers: ReadonlySet<string>,
): Promise<BatchOutcome> {
  try {
    return batchOutcomeOf(await invoke(), reportBatchItemFailures, identifiers);
  } catch (error) {
    return {
      kind: 'error',
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}
