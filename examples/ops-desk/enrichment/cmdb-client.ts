import { AgentbridgeError } from 'agentbridge';
import { failItem, type ItemFailure } from 'agentbridge/patterns';
import * as z from 'zod';
import type { Enrichment } from './messages.js';

/**
 * The CMDB (and its metrics API) failed: `CMDB_UNAVAILABLE` (throttled, 5xx, no answer in time) and
 * `CMDB_ITEM_LOCKED` (one configuration item being edited) are transient; `CMDB_REFUSED` and
 * `CMDB_MALFORMED` are not.
 */
export class CmdbError extends AgentbridgeError {
  override readonly name = 'CmdbError';

  constructor(code: string, message: string, transient: boolean, cause?: unknown) {
    super(code, message, { transient, cause });
  }
}

const ItemsAnswer = z.object({
  items: z.array(
    z.object({ service: z.string(), owner: z.string(), tier: z.string(), dependencies: z.array(z.string()) }),
  ),
  /** Services whose items are locked for editing right now. */
  locked: z.array(z.string()).default([]),
});
const MetricsAnswer = z.object({
  results: z.array(
    z.union([
      z.object({ value: z.number() }),
      z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
    ]),
  ),
});

/** One metric read: which service, which metric, at what moment. */
export interface MetricQuery {
  readonly service: string;
  readonly metric: 'error-rate' | 'latency-p95';
  readonly at?: string | undefined;
}

/**
 * The CMDB's bulk endpoints: many configuration items in one `batchGet`, many metric reads in one
 * `query:batch` (answered in the order asked). Each call is one HTTP request, with a timeout.
 */
export class CmdbClient {
  constructor(
    readonly baseUrl: string,
    readonly timeoutMs = 5_000,
  ) {}

  async configurationItems(
    services: readonly string[],
  ): Promise<ReadonlyMap<string, Enrichment | ItemFailure>> {
    const answer = ItemsAnswer.safeParse(
      await this.#post('/cmdb/api/v1/configuration-items:batchGet', { services }),
    );
    if (!answer.success)
      throw new CmdbError('CMDB_MALFORMED', 'batchGet answered an unknown shape', false, answer.error);
    const items = new Map<string, Enrichment | ItemFailure>();
    for (const item of answer.data.items) items.set(item.service, { kind: 'configuration', ...item });
    for (const service of answer.data.locked) {
      items.set(
        service,
        failItem(
          new CmdbError('CMDB_ITEM_LOCKED', `configuration item ${service} is locked for editing`, true),
        ),
      );
    }
    return items;
  }

  async metrics(queries: readonly MetricQuery[]): Promise<readonly (Enrichment | ItemFailure)[]> {
    const answer = MetricsAnswer.safeParse(await this.#post('/metrics/api/v1/query:batch', { queries }));
    if (!answer.success)
      throw new CmdbError('CMDB_MALFORMED', 'query:batch answered an unknown shape', false, answer.error);
    return answer.data.results.map((result, index) => {
      const query = queries[index] as MetricQuery;
      if ('error' in result) return failItem(new CmdbError(result.error.code, result.error.message, false));
      return { kind: 'metric', service: query.service, metric: query.metric, value: result.value };
    });
  }

  async #post(path: string, body: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (cause) {
      throw new CmdbError('CMDB_UNAVAILABLE', `${path}: no answer (${String(cause)})`, true, cause);
    }
    if (response.status === 429 || response.status >= 500) {
      throw new CmdbError('CMDB_UNAVAILABLE', `${path} answered ${response.status}`, true);
    }
    if (!response.ok) throw new CmdbError('CMDB_REFUSED', `${path} answered ${response.status}`, false);
    try {
      return await response.json();
    } catch (cause) {
      throw new CmdbError('CMDB_MALFORMED', `${path} answered no JSON`, false, cause);
    }
  }
}
