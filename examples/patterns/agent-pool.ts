import { AgentPool } from 'agentbridge/patterns';
import { InMemoryPoolSlotStore } from 'agentbridge/stores';

const store = new InMemoryPoolSlotStore(); // DynamoDbPoolSlotStore on Lambda: shared by every container
const pool = new AgentPool({ store, pool: 'crm-calls', minSize: 1, maxSize: 2, pollMs: 10 });
const first = await pool.acquire({ timeoutMs: 50 });
const second = await pool.acquire({ timeoutMs: 50 });
console.log('slots', first.slot, second.slot, 'size', (await pool.stats()).size);
await pool.acquire({ timeoutMs: 50 }).catch((error: { code: string }) => console.log(error.code));
await first.release();
const third = await pool.acquire({ timeoutMs: 50 });
const { requestsServed, peakUsage } = await pool.stats();
console.log('slot', third.slot, 'token', third.fencingToken, { requestsServed, peakUsage });
