import { conversions, LegacyAdapter } from 'agentbridge/patterns';

const customerId = { field: 'customerId', legacyField: 'cust_no' };
const status = conversions.status({ true: 'A', false: 'I' });
const active = { field: 'active', legacyField: 'status', conversion: status };
const since = { field: 'since', legacyField: 'created', conversion: conversions.epochSeconds };
const lookup = { path: '/api/customer', request: [customerId], response: [customerId, active, since] };
// The legacy system, answering in its own names (in production: its HTTP API, called with a timeout).
const fetch = async () => Response.json({ cust_no: 'C-7', status: 'A', created: 1_700_000_000, branch: 'N' });
const operations = { lookup };
const crm = new LegacyAdapter({ system: 'crm', baseUrl: 'http://crm.internal', operations, fetch });
console.log(await crm.call('lookup', { customerId: 'C-7' }));
const refused = await crm.call('lookup', { customerId: 'C-7', vip: true }).catch((error: Error) => error);
console.log(refused instanceof Error ? refused.message : refused);
