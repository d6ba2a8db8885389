import type { Aggregator, Batch, ItemFailure } from './batch-aggregator.js';
import { BatchResultError } from './batch-aggregator-error.js';

/** The request types the seed aggregates each its own way; any other type goes to the `default` aggregator. */
export const REQUEST_TYPES = {
  databaseQuery: 'database_query',
  apiCall: 'api_call',
  computation: 'computation',
} as const;

/** Answers every request of the batch whose key maps to a value in `values`; the others are left missing. */
function byKey<P, V, R>(
  batch: Batch<P>,
  keyOf: (payload: P) => string,
  values: ReadonlyMap<string, V>,
  resultOf: (value: V, payload: P) => R | ItemFailure,
): Map<string, R | ItemFailure> {
  const results = new Map<string, R | ItemFailure>();
  for (const request of batch.requests) {
    const key = keyOf(request.payload);
    if (values.has(key)) results.set(request.id, resultOf(values.get(key) as V, request.payload));
  }
  return results;
}

const distinct = <P>(batch: Batch<P>, keyOf: (payload: P) => string): string[] => [
  ...new Set(batch.requests.map((request) => keyOf(request.payload))),
];

/**
 * Database queries: the batch's distinct keys in one query (`WHERE key IN (…)`, a `BatchGetItem`), each request
 * answered with its key's row (shaped by `resultOf`). A key the query returns no row for leaves its requests
 * missing, so they fail with `BATCH_RESULT_MISSING`.
 *
 * @example
 * ```ts
 * const cmdb = databaseQueryAggregator({ keyOf: (p: { service: string }) => p.service, query: (services) => db.items(services) });
 * ```
 */
export function databaseQueryAggregator<P, Row, R = Row>(options: {
  readonly keyOf: (payload: P) => string;
  readonly query: (keys: readonly string[]) => Promise<ReadonlyMap<string, Row>>;
  readonly resultOf?: (row: Row, payload: P) => R | ItemFailure;
}): Aggregator<P, R> {
  const resultOf = options.resultOf ?? ((row: Row) => row as unknown as R);
  return async (batch) =>
    byKey(batch, options.keyOf, await options.query(distinct(batch, options.keyOf)), resultOf);
}

/**
 * API calls: one bulk call with every request's payload in arrival order, answered item by item in the same
 * order. A response of another length cannot be matched to its requests: the batch fails with
 * `BATCH_RESPONSE_MISMATCH` rather than hand anyone another's answer.
 *
 * @example
 * ```ts
 * const metrics = apiCallAggregator({ call: (queries) => metricsApi.batchQuery(queries) });
 * ```
 */
export function apiCallAggregator<P, R>(options: {
  readonly call: (payloads: readonly P[]) => Promise<readonly (R | ItemFailure)[]>;
}): Aggregator<P, R> {
  return async (batch) => {
    const responses = await options.call(batch.requests.map((request) => request.payload));
    if (responses.length !== batch.requests.length) {
      throw new BatchResultError(
        'BATCH_RESPONSE_MISMATCH',
        batch.key,
        `${batch.requests.length} requests sent, ${responses.length} responses received`,
      );
    }
    return new Map(batch.requests.map((request, index) => [request.id, responses[index] as R | ItemFailure]));
  };
}

/**
 * Computations: each distinct input (by `keyOf`, its JSON by default) computed once, in one call over all of
 * them, and every request with that input answered with its output. Outputs come in the inputs' order.
 *
 * @example
 * ```ts
 * const scores = computationAggregator({ compute: async (inputs: Signal[]) => model.scoreAll(inputs) });
 * ```
 */
export function computationAggregator<P, R>(options: {
  readonly compute: (inputs: readonly P[]) => Promise<readonly R[]>;
  readonly keyOf?: (payload: P) => string;
}): Aggregator<P, R> {
  const keyOf = options.keyOf ?? ((payload: P) => JSON.stringify(payload));
  return async (batch) => {
    const inputs = new Map<string, P>();
    for (const { payload } of batch.requests) {
      const key = keyOf(payload);
      if (!inputs.has(key)) inputs.set(key, payload);
    }
    const outputs = await options.compute([...inputs.values()]);
    if (outputs.length !== inputs.size) {
      throw new BatchResultError(
        'BATCH_RESPONSE_MISMATCH',
        batch.key,
        `${inputs.size} distinct inputs computed into ${outputs.length} outputs`,
      );
    }
    const byInput = new Map([...inputs.keys()].map((key, index) => [key, outputs[index] as R]));
    return byKey(batch, keyOf, byInput, (output) => output);
  };
}

/**
 * Any other type: the batch's items handed to `handle` with their original count, one result per item in
 * order (the same matching rule as {@link apiCallAggregator}).
 *
 * @example
 * ```ts
 * const fallback = defaultAggregator(async (items, { originalCount }) => items.map(() => ({ ok: true })));
 * ```
 */
export function defaultAggregator<P, R>(
  handle: (
    items: readonly P[],
    metadata: { readonly type: string; readonly originalCount: number },
  ) => Promise<readonly (R | ItemFailure)[]>,
): Aggregator<P, R> {
  return async (batch) =>
    apiCallAggregator<P, R>({
      call: (items) => handle(items, { type: batch.type, originalCount: items.length }),
    })(batch);
}
