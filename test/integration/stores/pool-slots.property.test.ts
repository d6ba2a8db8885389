import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { POOL_SLOTS_TABLE } from '../../../lambdas/contracts/tables/pool-slots-table.js';
import { AgentPool, type PoolSlot } from '../../../lambdas/patterns/agent-pool/agent-pool.js';
import { DynamoDbPoolSlotStore } from '../../../lambdas/stores/pool-slots/dynamodb/dynamodb-pool-slot-store.js';
import { InMemoryPoolSlotStore } from '../../../lambdas/stores/pool-slots/in-memory/in-memory-pool-slot-store.js';
import type { PoolSlotStore } from '../../../lambdas/stores/pool-slots/pool-slot-store.js';
import { createTables } from '../../../local/dynamodb/create-tables.js';
import { testDynamoClients } from '../../support/dynamodb.js';
import { ManualClock } from '../../support/manual-clock.js';

beforeAll(() => createTables(testDynamoClients().client, [POOL_SLOTS_TABLE]));

const LEASE_MS = 1_000;
const MIN = 1;
const MAX = 3;

/** What one container does next: take a slot, release one it holds, crash (forget one), or let time pass. */
const step = fc.oneof(
  fc.record({
    kind: fc.constant('acquire' as const),
    container: fc.nat(2),
    timeoutMs: fc.constantFrom(0, 60),
  }),
  fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('crash' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.constantFrom(100, 600, 1_000) }),
  fc.record({ kind: fc.constant('race' as const) }),
);

const stores: { name: string; store: () => PoolSlotStore; numRuns: number }[] = [
  {
    name: 'DynamoDB Local',
    store: () =>
      new DynamoDbPoolSlotStore({
        documentClient: testDynamoClients().documentClient,
        tableName: POOL_SLOTS_TABLE.localName,
      }),
    numRuns: 30,
  },
  { name: 'in-memory', store: () => new InMemoryPoolSlotStore(), numRuns: 200 },
];

/**
 * Random interleavings of three containers sharing one pool — acquires (some racing each other), releases,
 * holders that crash and never release, time passing beyond leases — checked after every step: no two live
 * grants share a slot, every slot is below the maximum, the size stays within [min, max], a release succeeds
 * exactly when its grant was still the slot's, and a new grant of a slot carries a higher fencing token.
 */
describe.each(stores)('agent pool properties on $name', ({ store: create, numRuns }) => {
  it('never grants one slot to two live holders, and a slot comes back once a crashed holder’s lease ends', async () => {
    const store = create();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 20 }), async (steps) => {
        const clock = new ManualClock(Date.UTC(2026, 11, 2));
        const name = `prop-${randomUUID()}`;
        const containers = [0, 1, 2].map(
          () =>
            new AgentPool({
              store,
              pool: name,
              minSize: MIN,
              maxSize: MAX,
              leaseMs: LEASE_MS,
              clock,
              sleep: async (ms) => clock.advanceMs(ms),
            }),
        );
        const live: PoolSlot[] = [];
        /** Holders that crashed: they never release, but hold their slot until the lease ends. */
        const crashed: PoolSlot[] = [];
        const tokens = new Map<number, number>();
        const granted = (slot: PoolSlot) => {
          expect(slot.slot).toBeLessThan(MAX);
          expect(slot.fencingToken).toBeGreaterThan(tokens.get(slot.slot) ?? 0);
          tokens.set(slot.slot, slot.fencingToken);
          live.push(slot);
        };
        const acquire = async (container: number, timeoutMs: number) => {
          try {
            granted(await (containers[container] as AgentPool).acquire({ timeoutMs }));
          } catch (error) {
            expect(error).toMatchObject({ code: 'POOL_EXHAUSTED' });
          }
        };
        for (const next of steps) {
          if (next.kind === 'acquire') await acquire(next.container, next.timeoutMs);
          if (next.kind === 'race') await Promise.all([acquire(0, 0), acquire(1, 0), acquire(2, 0)]);
          if (next.kind === 'advance') clock.advanceMs(next.ms);
          if ((next.kind === 'release' || next.kind === 'crash') && live.length > 0) {
            const [slot] = live.splice(next.pick % live.length, 1);
            if (slot !== undefined && next.kind === 'crash') crashed.push(slot);
            if (slot !== undefined && next.kind === 'release') {
              const stillItsGrant =
                tokens.get(slot.slot) === slot.fencingToken && slot.leaseExpiresAt > clock.now();
              const released = await slot.release();
              if (stillItsGrant) expect(released).toBe(true);
              if (tokens.get(slot.slot) !== slot.fencingToken) expect(released).toBe(false);
            }
          }
          // Grants whose lease has ended are no longer anyone's.
          const now = clock.now();
          const holding = [...live, ...crashed].filter((slot) => slot.leaseExpiresAt > now);
          expect(new Set(holding.map((slot) => slot.slot)).size).toBe(holding.length);
          const { size } = await (containers[0] as AgentPool).stats();
          expect(size).toBeGreaterThanOrEqual(MIN);
          expect(size).toBeLessThanOrEqual(MAX);
        }
      }),
      { numRuns },
    );
  }, 120_000);
});
