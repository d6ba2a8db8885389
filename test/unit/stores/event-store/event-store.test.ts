import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../lambdas/contracts/logger.js';
import { EventStore } from '../../../../lambdas/stores/event-store/event-store.js';
import { ConcurrencyError } from '../../../../lambdas/stores/event-store/event-store-error.js';
import { InMemoryEventStoreAdapter } from '../../../../lambdas/stores/event-store/in-memory/in-memory-event-store-adapter.js';
import {
  DEFAULT_SNAPSHOT_EVERY,
  snapshotBoundary,
} from '../../../../lambdas/stores/event-store/snapshot-policy.js';
import { addedEvents, tallyReducer } from '../../../conformance/event-store-harness.js';

/** An adapter where another writer always appends one event just before ours. */
class AlwaysOvertaken extends InMemoryEventStoreAdapter {
  override async appendEvents(...args: Parameters<InMemoryEventStoreAdapter['appendEvents']>): Promise<void> {
    const [streamId, expected] = args;
    await super.appendEvents(streamId, expected, [
      { streamId, version: expected + 1, id: `rival-${expected}`, type: 'Rival', data: '{}', metadata: '{}' },
    ]);
    return super.appendEvents(...args);
  }
}

describe('EventStore', () => {
  it("gives up an 'any' append that keeps losing races after the configured attempts", async () => {
    const adapter = new AlwaysOvertaken();
    const store = new EventStore({ adapter, anyVersionAttempts: 3 });
    const error = await store.append('user-1', 'any', addedEvents(1)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ expectedVersion: 'any', actualVersion: 3 });
  });

  it('stamps ids and times from the injected sources', async () => {
    let next = 0;
    const store = new EventStore({
      adapter: new InMemoryEventStoreAdapter(),
      clock: { now: () => Date.parse('2030-05-06T07:08:09.000Z') },
      newId: () => `id-${++next}`,
    });
    const { events } = await store.append('user-1', 'no-stream', addedEvents(2));
    expect(events.map((event) => [event.id, event.metadata])).toEqual([
      ['id-1', { correlationId: 'id-1', causationId: 'id-1', time: '2030-05-06T07:08:09.000Z' }],
      ['id-2', { correlationId: 'id-1', causationId: 'id-1', time: '2030-05-06T07:08:09.000Z' }],
    ]);
  });

  it('keeps a written append when the snapshot policy itself throws, and logs it', async () => {
    const error = vi.fn();
    const store = new EventStore({
      adapter: new InMemoryEventStoreAdapter(),
      logger: { ...silentLogger, error },
      snapshots: {
        every: 1,
        reducerFor: () => {
          throw new Error('registry broken');
        },
      },
    });
    const result = await store.append('user-1', 'no-stream', addedEvents(1));
    await store.idle();
    expect(result.nextExpectedVersion).toBe(1);
    expect(error).toHaveBeenCalledOnce();
  });

  it('snapshots every 100 events by default', async () => {
    const reducer = tallyReducer(1);
    const store = new EventStore({
      adapter: new InMemoryEventStoreAdapter(),
      snapshots: { reducerFor: () => reducer },
    });
    let version = 0;
    while (version < 250)
      version = (await store.append('user-1', version, addedEvents(50))).nextExpectedVersion;
    await store.idle();
    expect(DEFAULT_SNAPSHOT_EVERY).toBe(100);
    expect((await store.load('user-1', reducer)).snapshotVersion).toBe(200);
  });

  it.each([
    [0, 1, 100, undefined],
    [99, 100, 100, 100],
    [98, 203, 100, 200],
    [100, 199, 100, undefined],
    [7, 9, 3, 9],
  ])('finds the boundary an append from %i to %i crosses (every %i): %s', (from, to, every, boundary) => {
    expect(snapshotBoundary(from, to, every)).toBe(boundary);
  });
});
