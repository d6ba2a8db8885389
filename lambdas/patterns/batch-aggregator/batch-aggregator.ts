import { AGENT_METRICS } from '../../contracts/agent-metrics.js';
import { emitMetric, noMetrics, type PatternMetrics } from '../../contracts/pattern-metrics.js';
import {
  BatchFailedError,
  BatchRequestRefusedError,
  BatchResultError,
  InvalidBatchOptionsError,
} from './batch-aggregator-error.js';

/** One request that may share a call with others of the same key (type, priority, target). */
export interface BatchRequest<P> {
  /** Unique among the requests waiting at once: the result comes back under it. */
  readonly id: string;
  /** Chooses the aggregator (`database_query`, `api_call`, `computation`, or any declared name). */
  readonly type: string;
  readonly priority?: string | number;
  /** The system the call goes to. */
  readonly target?: string;
  readonly payload: P;
}

/** The requests of one key, in arrival order, handed to their type's aggregator as one call. */
export interface Batch<P> {
  readonly key: string;
  readonly type: string;
  readonly requests: readonly BatchRequest<P>[];
}

/** One request of a batch failed on its own (the call answered for the others): `failItem(error)`. */
export class ItemFailure {
  constructor(readonly error: Error) {}
}

/** Marks one request's result as failed, with the error its waiter receives. */
export const failItem = (error: Error): ItemFailure => new ItemFailure(error);

/** One call for a whole batch, answering each request by its id (a request left out fails as missing). */
export type Aggregator<P, R> = (batch: Batch<P>) => Promise<ReadonlyMap<string, R | ItemFailure>>;

/** The timer port: how a batch's window is waited for (tests pass timers they fire by hand). */
export interface BatchTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const systemTimers: BatchTimers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface BatchAggregatorOptions<P, R> {
  /** Names the aggregator in errors and metrics. */
  readonly name: string;
  /** A batch holding this many requests flushes at once. */
  readonly maxSize: number;
  /** A batch flushes this long after its first request, full or not. */
  readonly windowMs: number;
  /** Request type → its aggregator; `default` serves every type without one of its own. */
  readonly aggregators: Readonly<Record<string, Aggregator<P, R>>>;
  /** The batch key of a request. Default: `type|priority|target`. */
  readonly keyOf?: (request: BatchRequest<P>) => string;
  readonly timers?: BatchTimers;
  readonly metrics?: PatternMetrics;
}

/** What the aggregator has done. `callsSaved` is the calls one per request would have made beyond its calls. */
export interface BatchStats {
  readonly requests: number;
  readonly batches: number;
  readonly callsSaved: number;
  readonly fullFlushes: number;
  readonly timedFlushes: number;
  readonly failedBatches: number;
  readonly failedRequests: number;
  /** Requests waiting in open batches. */
  readonly pending: number;
}

interface Waiter<P, R> {
  readonly request: BatchRequest<P>;
  resolve(result: R): void;
  reject(error: unknown): void;
}

interface OpenBatch<P, R> {
  readonly key: string;
  readonly type: string;
  readonly waiters: Waiter<P, R>[];
  timer: unknown;
}

/** The seed's key: requests of one type, priority and target share a call. */
export const defaultBatchKey = (request: BatchRequest<unknown>): string =>
  [request.type, request.priority ?? '', request.target ?? ''].join('|');

/**
 * Gathers requests into batches by key (type, priority, target) and answers each batch with one call of its
 * type's aggregator: a batch flushes when it holds `maxSize` requests or `windowMs` after its first, and each
 * request's promise settles with its own result. A failed call fails every request waiting in the batch with
 * a {@link BatchFailedError} carrying the cause; a request the call did not answer fails alone with
 * `BATCH_RESULT_MISSING`. `flush()` sends every open batch now (a Lambda handler that has submitted its
 * whole event).
 *
 * @example
 * ```ts
 * const lookups = new BatchAggregator({ name: 'cmdb', maxSize: 25, windowMs: 50,
 *   aggregators: { database_query: databaseQueryAggregator({ keyOf: (p) => p.service, query: cmdb.items }) } });
 * const item = await lookups.submit({ id: 'r-1', type: 'database_query', payload: { service: 'checkout' } });
 * ```
 */
export class BatchAggregator<P, R> {
  readonly #options: BatchAggregatorOptions<P, R>;
  readonly #timers: BatchTimers;
  readonly #open = new Map<string, OpenBatch<P, R>>();
  readonly #inFlight = new Set<Promise<void>>();
  #stats = {
    requests: 0,
    batches: 0,
    flushedRequests: 0,
    fullFlushes: 0,
    timedFlushes: 0,
    failedBatches: 0,
    failedRequests: 0,
  };

  constructor(options: BatchAggregatorOptions<P, R>) {
    const { name, maxSize, windowMs, aggregators } = options;
    if (!Number.isInteger(maxSize) || maxSize < 1)
      throw new InvalidBatchOptionsError(name, 'maxSize is a whole number ≥ 1');
    if (!Number.isFinite(windowMs) || windowMs < 0)
      throw new InvalidBatchOptionsError(name, 'windowMs is a finite number ≥ 0');
    if (Object.keys(aggregators).length === 0)
      throw new InvalidBatchOptionsError(name, 'declare at least one aggregator (or a default)');
    this.#options = options;
    this.#timers = options.timers ?? systemTimers;
  }

  /** Adds a request to its key's batch and settles with its own result once the batch is answered. */
  submit(request: BatchRequest<P>): Promise<R> {
    if (typeof request.id !== 'string' || request.id === '') {
      return Promise.reject(new BatchRequestRefusedError('INVALID_BATCH_REQUEST', '', 'an id is required'));
    }
    if (this.#aggregatorOf(request.type) === undefined) {
      return Promise.reject(
        new BatchRequestRefusedError(
          'NO_AGGREGATOR',
          request.id,
          `no aggregator for type ${request.type} and no default`,
        ),
      );
    }
    const key = (this.#options.keyOf ?? defaultBatchKey)(request);
    let batch = this.#open.get(key);
    if (batch?.waiters.some((waiter) => waiter.request.id === request.id)) {
      return Promise.reject(
        new BatchRequestRefusedError(
          'DUPLICATE_BATCH_REQUEST',
          request.id,
          `already waiting in batch ${key}`,
        ),
      );
    }
    if (batch === undefined) {
      const opened: OpenBatch<P, R> = { key, type: request.type, waiters: [], timer: undefined };
      opened.timer = this.#timers.set(() => this.#flush(opened, 'timed'), this.#options.windowMs);
      this.#open.set(key, opened);
      batch = opened;
    }
    this.#stats.requests += 1;
    const open = batch;
    const result = new Promise<R>((resolve, reject) => open.waiters.push({ request, resolve, reject }));
    if (open.waiters.length >= this.#options.maxSize) this.#flush(open, 'full');
    return result;
  }

  /** Sends every open batch now; resolves once every batch in flight is answered. */
  async flush(): Promise<void> {
    for (const batch of [...this.#open.values()]) this.#flush(batch, 'manual');
    await Promise.all([...this.#inFlight]);
  }

  stats(): BatchStats {
    const { flushedRequests, ...counts } = this.#stats;
    let pending = 0;
    for (const batch of this.#open.values()) pending += batch.waiters.length;
    return { ...counts, callsSaved: flushedRequests - counts.batches, pending };
  }

  #aggregatorOf(type: string): Aggregator<P, R> | undefined {
    const { aggregators } = this.#options;
    return Object.hasOwn(aggregators, type) ? aggregators[type] : aggregators.default;
  }

  #flush(batch: OpenBatch<P, R>, why: 'full' | 'timed' | 'manual'): void {
    // Taken out first: a request arriving while this batch's call runs starts the next batch.
    if (this.#open.get(batch.key) !== batch) return;
    this.#open.delete(batch.key);
    this.#timers.clear(batch.timer);
    if (why === 'full') this.#stats.fullFlushes += 1;
    if (why === 'timed') this.#stats.timedFlushes += 1;
    this.#stats.batches += 1;
    this.#stats.flushedRequests += batch.waiters.length;
    const done = this.#answer(batch).finally(() => this.#inFlight.delete(done));
    this.#inFlight.add(done);
  }

  async #answer(batch: OpenBatch<P, R>): Promise<void> {
    const { key, type, waiters } = batch;
    const aggregate = this.#aggregatorOf(type) as Aggregator<P, R>;
    emitMetric(this.#options.metrics ?? noMetrics, AGENT_METRICS.batchSize, 'Count', waiters.length, {
      BatchAggregator: this.#options.name,
      RequestType: type,
    });
    let results: ReadonlyMap<string, R | ItemFailure>;
    try {
      results = await aggregate({ key, type, requests: waiters.map((waiter) => waiter.request) });
    } catch (cause) {
      this.#stats.failedBatches += 1;
      this.#stats.failedRequests += waiters.length;
      const error = new BatchFailedError(key, waiters.length, cause);
      for (const waiter of waiters) waiter.reject(error);
      return;
    }
    for (const waiter of waiters) {
      const { id } = waiter.request;
      const result = results.get(id);
      if (result instanceof ItemFailure) {
        this.#stats.failedRequests += 1;
        waiter.reject(result.error);
      } else if (result === undefined && !results.has(id)) {
        this.#stats.failedRequests += 1;
        waiter.reject(new BatchResultError('BATCH_RESULT_MISSING', key, `no result for request ${id}`, id));
      } else {
        waiter.resolve(result as R);
      }
    }
  }
}
