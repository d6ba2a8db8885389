import { BatchAggregator, databaseQueryAggregator } from 'agentbridge/patterns';

const owners: Record<string, string> = { checkout: 'payments', search: 'discovery' };
// One CMDB query per batch, for its distinct services (in production: one HTTP call).
const query = async (keys: readonly string[]) =>
  new Map(keys.filter((k) => k in owners).map((k) => [k, owners[k]]));
const keyOf = (lookup: { service: string }) => lookup.service;
const aggregators = { database_query: databaseQueryAggregator({ keyOf, query }) };
const cmdb = new BatchAggregator({ name: 'cmdb', maxSize: 3, windowMs: 20, aggregators });
const ask = (id: string, s: string) => cmdb.submit({ id, type: 'database_query', payload: { service: s } });
const answers = await Promise.all(['checkout', 'search', 'checkout'].map((s, i) => ask(`r${i}`, s)));
console.log(answers, cmdb.stats().batches); // the batch was full at 3: one call
const failed = await ask('r4', 'ghost').catch((error: { code: string }) => error.code); // flushed after 20 ms
console.log(failed, cmdb.stats());
