import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enrichmentAggregator,
  enrichmentRequestOf,
} from '../../../../examples/ops-desk/enrichment/agents.js';
import { CmdbClient } from '../../../../examples/ops-desk/enrichment/cmdb-client.js';
import type { EnrichmentRequest } from '../../../../examples/ops-desk/enrichment/messages.js';
import { startCmdb } from '../../../support/cmdb-server.js';

const request = (requestId: string, fields: Partial<EnrichmentRequest> = {}): EnrichmentRequest => ({
  requestId,
  incidentId: `inc-${requestId}`,
  service: 'checkout',
  lookup: 'configuration',
  severity: 3,
  ...fields,
});

const settled = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: { code?: string }) => ({ ok: false as const, code: error.code }),
  );

describe('the desk’s incident enricher over a stand-in CMDB', () => {
  let cmdb: Awaited<ReturnType<typeof startCmdb>>;

  beforeAll(async () => {
    cmdb = await startCmdb();
    cmdb.addItem('checkout', { owner: 'payments', tier: 'tier-1', dependencies: ['ledger'] });
    cmdb.addItem('search', { owner: 'discovery', tier: 'tier-2', dependencies: [] });
    cmdb.addMetric('checkout', 'error-rate', 0.031);
    cmdb.addMetric('search', 'latency-p95', 840);
  });
  afterAll(() => cmdb.close());

  it('batches configuration lookups apart from metric reads, and urgent ones apart from routine ones', () => {
    expect(enrichmentRequestOf(request('a'))).toEqual({
      id: 'a',
      type: 'database_query',
      priority: 'routine',
      target: 'cmdb',
      payload: { service: 'checkout', lookup: 'configuration', at: undefined },
    });
    expect(enrichmentRequestOf(request('b', { lookup: 'latency-p95', severity: 1 }))).toMatchObject({
      type: 'api_call',
      priority: 'urgent',
      target: 'metrics',
    });
  });

  it('answers many incidents’ lookups with one CMDB call per group, each with its own answer', async () => {
    const before = cmdb.calls.length;
    const aggregator = enrichmentAggregator(new CmdbClient(cmdb.baseUrl));
    const requests = [
      request('c1'),
      request('c2', { service: 'search' }),
      request('c3'),
      request('m1', { lookup: 'error-rate' }),
      request('m2', { lookup: 'latency-p95', service: 'search' }),
    ];
    const answers = requests.map((r) => aggregator.submit(enrichmentRequestOf(r)));
    await aggregator.flush();
    expect(await Promise.all(answers)).toEqual([
      {
        kind: 'configuration',
        service: 'checkout',
        owner: 'payments',
        tier: 'tier-1',
        dependencies: ['ledger'],
      },
      { kind: 'configuration', service: 'search', owner: 'discovery', tier: 'tier-2', dependencies: [] },
      {
        kind: 'configuration',
        service: 'checkout',
        owner: 'payments',
        tier: 'tier-1',
        dependencies: ['ledger'],
      },
      { kind: 'metric', service: 'checkout', metric: 'error-rate', value: 0.031 },
      { kind: 'metric', service: 'search', metric: 'latency-p95', value: 840 },
    ]);
    expect(cmdb.calls.slice(before).map((call) => call.body)).toEqual([
      { services: ['checkout', 'search'] },
      {
        queries: [
          { service: 'checkout', metric: 'error-rate' },
          { service: 'search', metric: 'latency-p95' },
        ],
      },
    ]);
    expect(aggregator.stats()).toMatchObject({ requests: 5, batches: 2, callsSaved: 3 });
  });

  it('fails a locked item transiently, an unknown service as missing and a missing series for good', async () => {
    cmdb.lock('search');
    const aggregator = enrichmentAggregator(new CmdbClient(cmdb.baseUrl));
    const answers = [
      request('l1', { service: 'search' }),
      request('u1', { service: 'nowhere' }),
      request('s1', { lookup: 'error-rate', service: 'nowhere' }),
      request('ok', {}),
    ].map((r) => settled(aggregator.submit(enrichmentRequestOf(r))));
    await aggregator.flush();
    expect((await Promise.all(answers)).map((answer) => (answer.ok ? 'ok' : answer.code))).toEqual([
      'CMDB_ITEM_LOCKED',
      'BATCH_RESULT_MISSING',
      'NO_SUCH_SERIES',
      'ok',
    ]);
    cmdb.unlock('search');
  });

  it('fails every waiter of a batch transiently while the CMDB is down', async () => {
    cmdb.setDown(true);
    const aggregator = enrichmentAggregator(new CmdbClient(cmdb.baseUrl));
    const answers = [request('d1'), request('d2', { service: 'search' })].map((r) =>
      aggregator.submit(enrichmentRequestOf(r)).catch((error: unknown) => error),
    );
    await aggregator.flush();
    for (const error of await Promise.all(answers)) {
      expect(error).toMatchObject({
        code: 'BATCH_FAILED',
        transient: true,
        cause: { code: 'CMDB_UNAVAILABLE' },
      });
    }
    cmdb.setDown(false);
  });
});
