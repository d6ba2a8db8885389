import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { conversions } from '../../../lambdas/patterns/legacy-adapter/field-mapping.js';
import {
  LegacyAdapter,
  type LegacyAdapterOptions,
} from '../../../lambdas/patterns/legacy-adapter/legacy-adapter.js';
import { startLegacySystem } from '../../support/legacy-system-server.js';

let legacy: Awaited<ReturnType<typeof startLegacySystem>>;
beforeAll(async () => {
  legacy = await startLegacySystem();
});
afterAll(() => legacy.close());
beforeEach(() => {
  legacy.received.length = 0;
});

const LOOKUP = {
  path: '/api/customer/lookup',
  request: [{ field: 'customerId', legacyField: 'cust_no' }],
  response: [
    { field: 'customerId', legacyField: 'cust_no' },
    { field: 'active', legacyField: 'status', conversion: conversions.status({ true: 'A', false: 'I' }) },
    { field: 'since', legacyField: 'created_at', conversion: conversions.sqlTimestamp },
  ],
  responseSchema: z.object({ customerId: z.string(), active: z.boolean(), since: z.string() }),
};

const delays: number[] = [];
const adapter = (options: Partial<LegacyAdapterOptions> = {}) =>
  new LegacyAdapter({
    system: 'crm',
    baseUrl: legacy.baseUrl,
    operations: { lookup: LOOKUP },
    sleep: async (ms) => void delays.push(ms),
    random: () => 0.5,
    ...options,
  });

describe('the legacy adapter, against a legacy system on loopback', () => {
  beforeEach(() => {
    delays.length = 0;
  });

  it('sends the request in the legacy names and maps the answer back, leaving extra columns out', async () => {
    legacy.answer(LOOKUP.path, {
      body: { cust_no: 'C-7', status: 'A', created_at: '2019-04-01 08:00:00', branch: 'north' },
    });
    const customer = await adapter().call('lookup', { customerId: 'C-7' });
    expect(customer).toEqual({ customerId: 'C-7', active: true, since: '2019-04-01T08:00:00.000Z' });
    expect(legacy.received).toEqual([{ path: LOOKUP.path, method: 'POST', body: { cust_no: 'C-7' } }]);
  });

  it("keeps the legacy system's own error code, and does not retry it", async () => {
    legacy.answer(LOOKUP.path, {
      status: 404,
      body: { error_code: 'CUST_404', error_message: 'no such customer' },
    });
    await expect(adapter().call('lookup', { customerId: 'C-0' })).rejects.toMatchObject({
      name: 'LegacySystemError',
      legacyCode: 'CUST_404',
      status: 404,
      transient: false,
      message: 'lookup: the legacy system answered CUST_404: no such customer',
    });
    expect(legacy.received).toHaveLength(1);
  });

  it('retries a busy legacy system (503) with backoff, and answers once it recovers', async () => {
    legacy.answer(
      LOOKUP.path,
      { status: 503, body: { error_code: 'BUSY', error_message: 'try later' } },
      { status: 503, body: 'Service Unavailable' },
      { body: { cust_no: 'C-8', status: 'I', created_at: '2020-01-01 00:00:00' } },
    );
    await expect(adapter().call('lookup', { customerId: 'C-8' })).resolves.toMatchObject({ active: false });
    expect(legacy.received).toHaveLength(3);
    expect(delays).toEqual([100, 200]);
  });

  it('gives up on a slow system after its attempts, with a transient timeout failure', async () => {
    legacy.answer(LOOKUP.path, {
      delayMs: 1_000,
      body: { cust_no: 'C-9', status: 'A', created_at: '2020-01-01 00:00:00' },
    });
    await expect(adapter({ timeoutMs: 50 }).call('lookup', { customerId: 'C-9' })).rejects.toMatchObject({
      name: 'LegacyAdapterError',
      failure: 'timeout',
      transient: true,
      message: 'lookup: crm did not answer within 50 ms',
    });
    expect(legacy.received).toHaveLength(3);
  });

  it('fails a malformed answer as an adapter error at once, without a retry', async () => {
    legacy.answer(LOOKUP.path, { body: '<html>maintenance</html>' });
    await expect(adapter().call('lookup', { customerId: 'C-1' })).rejects.toMatchObject({
      failure: 'malformed-response',
      transient: false,
    });
    legacy.answer(LOOKUP.path, { body: { cust_no: 'C-1', status: 'A' } });
    await expect(adapter().call('lookup', { customerId: 'C-1' })).rejects.toMatchObject({
      failure: 'malformed-response',
      message: expect.stringContaining('since'),
    });
    expect(legacy.received).toHaveLength(2);
  });

  it('refuses a request that does not translate before calling the legacy system', async () => {
    await expect(adapter().call('lookup', { customerId: 'C-1', vip: true })).rejects.toMatchObject({
      failure: 'mapping',
      field: 'vip',
    });
    await expect(adapter().call('delete', {})).rejects.toMatchObject({ failure: 'unknown-operation' });
    expect(legacy.received).toEqual([]);
  });

  it('names an unreachable system as transient, so it is retried, and says where it looked', async () => {
    const gone = await startLegacySystem();
    const baseUrl = gone.baseUrl;
    await gone.close();
    await expect(adapter({ baseUrl }).call('lookup', { customerId: 'C-1' })).rejects.toMatchObject({
      failure: 'unreachable',
      transient: true,
      message: `lookup: crm is unreachable at ${baseUrl}${LOOKUP.path}`,
    });
    expect(delays).toHaveLength(2);
  });
});
