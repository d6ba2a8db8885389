import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Logger, silentLogger } from '../../lambdas/contracts/logger.js';
import type { Reducer } from '../../lambdas/stores/event-store/reducer.js';
import type { StoredEvent } from '../../lambdas/stores/event-store/stored-event.js';
import {
  addedEvents,
  type EventStoreHarness,
  newStreamId,
  storeOn,
  tallyReducer,
} from './event-store-harness.js';

const recordingLogger = (): Logger & { errors: Record<string, unknown>[] } => {
  const errors: Record<string, unknown>[] = [];
  return { ...silentLogger, errors, error: (_message, extra) => errors.push(extra ?? {}) };
};

const eventArbitrary = fc.record({
  type: fc.constantFrom('Added', 'Removed', 'Renamed'),
  data: fc.record({ amount: fc.integer({ min: -1_000, max: 1_000 }), label: fc.string({ maxLength: 8 }) }),
});

/** Snapshots: written off the append path, every N events, and always equal to a full replay. */
export function describeSnapshotConformance(create: () => EventStoreHarness): void {
  describe('snapshots', () => {
    it('writes a snapshot in the background every N events without delaying the append', async () => {
      const reducer = tallyReducer(1);
      const store = storeOn(create(), { snapshots: { every: 10, reducerFor: () => reducer } });
      const streamId = newStreamId();
      let version = 0;
      for (const size of [4, 4, 4, 9, 3]) {
        version = (await store.append(streamId, version, addedEvents(size, version + 1))).nextExpectedVersion;
      }
      await store.idle();
      const loaded = await store.load(streamId, reducer);
      expect(loaded).toMatchObject({ version: 24, snapshotVersion: 20 });
      expect((await store.loadAt(streamId, 15, reducer)).snapshotVersion).toBe(10);
    });

    it('reports a failing background snapshot to the logger and keeps the append', async () => {
      const logger = recordingLogger();
      const unstorable: Reducer<{ at: Date }> = {
        version: 1,
        initial: () => ({ at: new Date(0) }),
        apply: (s) => s,
      };
      const store = storeOn(create(), { logger, snapshots: { every: 2, reducerFor: () => unstorable } });
      const streamId = newStreamId();
      const result = await store.append(streamId, 'no-stream', addedEvents(3));
      await store.idle();
      expect(result.nextExpectedVersion).toBe(3);
      expect(logger.errors).toEqual([
        expect.objectContaining({
          streamId,
          version: 2,
          error: expect.objectContaining({ code: 'NOT_JSON_SERIALIZABLE' }),
        }),
      ]);
      expect((await store.load(streamId, tallyReducer(1))).version).toBe(3);
    });

    it('skips streams the policy has no reducer for', async () => {
      const logger = recordingLogger();
      const store = storeOn(create(), { logger, snapshots: { every: 1, reducerFor: () => undefined } });
      const streamId = newStreamId();
      await store.append(streamId, 'no-stream', addedEvents(3));
      await store.idle();
      expect((await store.load(streamId, tallyReducer(1))).snapshotVersion).toBeUndefined();
      expect(logger.errors).toEqual([]);
    });

    it('leaves nothing to write when a snapshot already sits at the version', async () => {
      const store = storeOn(create());
      const streamId = newStreamId();
      const reducer = tallyReducer(1);
      expect(await store.snapshot(streamId, reducer)).toBeUndefined();
      await store.append(streamId, 'no-stream', addedEvents(5));
      expect(await store.snapshot(streamId, reducer)).toEqual({ streamId, reducerVersion: 1, version: 5 });
      expect(await store.snapshot(streamId, reducer)).toBeUndefined();
    });

    it('property: a snapshot plus its tail always equals a full replay, at every version', async () => {
      const harness = create();
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(eventArbitrary, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 6 }),
          fc.integer({ min: 1, max: 9 }),
          fc.nat(),
          async (appends, every, pick) => {
            const snapshotted = tallyReducer(7);
            const store = storeOn(harness, { snapshots: { every, reducerFor: () => snapshotted } });
            const streamId = newStreamId('property');
            const written: StoredEvent[] = [];
            for (const events of appends) {
              written.push(...(await store.append(streamId, written.length, events)).events);
            }
            await store.idle();
            const replayed = written.reduce(snapshotted.apply, snapshotted.initial());
            const loaded = await store.load(streamId, snapshotted);
            expect(loaded.state).toEqual(replayed);
            expect(loaded.version).toBe(written.length);
            expect(loaded.snapshotVersion).toBe(
              written.length >= every ? written.length - (written.length % every) : undefined,
            );
            const at = pick % (written.length + 1);
            const loadedAt = await store.loadAt(streamId, at, snapshotted);
            expect(loadedAt.state).toEqual(
              written.slice(0, at).reduce(snapshotted.apply, snapshotted.initial()),
            );
          },
        ),
        { numRuns: harness.propertyRuns },
      );
    });
  });
}
