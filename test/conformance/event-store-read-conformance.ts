import { describe, expect, it } from 'vitest';
import { StreamVersionNotFoundError } from '../../lambdas/stores/event-store/event-store-error.js';
import {
  InvalidCursorError,
  InvalidOptionError,
} from '../../lambdas/stores/event-store/event-store-input-error.js';
import type { StoredEvent } from '../../lambdas/stores/event-store/stored-event.js';
import {
  addedEvents,
  type EventStoreHarness,
  newStreamId,
  storeOn,
  tallyReducer,
} from './event-store-harness.js';

const versions = (events: readonly StoredEvent[]): number[] => events.map((event) => event.version);

/** Paginated reads, load and loadAt (issue 3 §2). */
export function describeReadConformance(create: () => EventStoreHarness): void {
  describe('reads', () => {
    it('pages forward with a cursor and ends without one', async () => {
      const store = storeOn(create());
      const streamId = newStreamId();
      await store.append(streamId, 'no-stream', addedEvents(25));
      const first = await store.readForward(streamId, { limit: 10 });
      const second = await store.readForward(streamId, { limit: 10, cursor: first.cursor });
      const third = await store.readForward(streamId, { limit: 10, cursor: second.cursor });
      expect([versions(first.events), versions(second.events), versions(third.events)]).toEqual([
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        [11, 12, 13, 14, 15, 16, 17, 18, 19, 20],
        [21, 22, 23, 24, 25],
      ]);
      expect(third.cursor).toBeUndefined();
      const exact = await store.readForward(streamId, { fromVersion: 16, limit: 10 });
      expect(versions(exact.events)).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
      expect(exact.cursor).toBeUndefined();
    });

    it('pages backward from the end or from a version', async () => {
      const store = storeOn(create());
      const streamId = newStreamId();
      await store.append(streamId, 'no-stream', addedEvents(7));
      const fromEnd = await store.readBackward(streamId, { limit: 3 });
      expect(versions(fromEnd.events)).toEqual([7, 6, 5]);
      const next = await store.readBackward(streamId, { limit: 3, cursor: fromEnd.cursor });
      expect(versions(next.events)).toEqual([4, 3, 2]);
      const last = await store.readBackward(streamId, { limit: 3, cursor: next.cursor });
      expect(versions(last.events)).toEqual([1]);
      expect(last.cursor).toBeUndefined();
      expect(versions((await store.readBackward(streamId, { fromVersion: 2 })).events)).toEqual([2, 1]);
    });

    it('reads a stream that does not exist as empty', async () => {
      const store = storeOn(create());
      const streamId = newStreamId();
      expect(await store.readForward(streamId)).toEqual({ events: [] });
      expect(await store.readBackward(streamId)).toEqual({ events: [] });
      expect(await store.currentVersion(streamId)).toBe(0);
    });

    it('refuses a cursor from another stream, another direction, or none at all', async () => {
      const store = storeOn(create());
      const streamId = newStreamId();
      await store.append(streamId, 'no-stream', addedEvents(3));
      const page = await store.readForward(streamId, { limit: 1 });
      const cursor = page.cursor ?? '';
      await expect(store.readForward(newStreamId(), { cursor })).rejects.toBeInstanceOf(InvalidCursorError);
      await expect(store.readBackward(streamId, { cursor })).rejects.toBeInstanceOf(InvalidCursorError);
      await expect(store.readForward(streamId, { cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(
        InvalidCursorError,
      );
    });

    it.each([
      ['limit', { limit: 0 }],
      ['limit', { limit: 1_001 }],
      ['limit', { limit: 2.5 }],
      ['fromVersion', { fromVersion: 0 }],
      ['fromVersion', { fromVersion: -3 }],
    ])('refuses a read with a bad %s', async (option, options) => {
      const store = storeOn(create());
      const error = await store.readForward(newStreamId(), options).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect(error).toMatchObject({ option });
    });
  });

  describe('load', () => {
    it('folds every event when there is no snapshot, and gives the initial state for no stream', async () => {
      const store = storeOn(create());
      const streamId = newStreamId();
      const reducer = tallyReducer(1);
      expect(await store.load(streamId, reducer)).toEqual({ state: reducer.initial(), version: 0 });
      const { events } = await store.append(streamId, 'no-stream', addedEvents(12));
      const expected = events.reduce(reducer.apply, reducer.initial());
      expect(await store.load(streamId, reducer)).toEqual({ state: expected, version: 12 });
    });

    it('starts from the newest snapshot of the same reducer version and ignores other versions', async () => {
      const store = storeOn(create());
      const streamId = newStreamId();
      const reducer = tallyReducer(1);
      const { events } = await store.append(streamId, 'no-stream', addedEvents(30));
      await store.snapshot(streamId, reducer, 10);
      await store.snapshot(streamId, reducer, 20);
      await store.append(streamId, 30, addedEvents(5, 31));
      const loaded = await store.load(streamId, reducer);
      expect(loaded.snapshotVersion).toBe(20);
      expect(loaded.version).toBe(35);
      const all = [...events, ...(await store.readForward(streamId, { fromVersion: 31 })).events];
      expect(loaded.state).toEqual(all.reduce(reducer.apply, reducer.initial()));
      const other = await store.load(streamId, tallyReducer(2));
      expect(other.snapshotVersion).toBeUndefined();
      expect(other.state).toEqual(loaded.state);
    });

    it('loads the state at a past version from the snapshot at or below it', async () => {
      const store = storeOn(create());
      const streamId = newStreamId();
      const reducer = tallyReducer(1);
      const { events } = await store.append(streamId, 'no-stream', addedEvents(40));
      await store.snapshot(streamId, reducer, 10);
      await store.snapshot(streamId, reducer, 30);
      const at25 = await store.loadAt(streamId, 25, reducer);
      expect(at25).toEqual({
        state: events.slice(0, 25).reduce(reducer.apply, reducer.initial()),
        version: 25,
        snapshotVersion: 10,
      });
      expect(await store.loadAt(streamId, 0, reducer)).toEqual({ state: reducer.initial(), version: 0 });
      const beyond = await store.loadAt(streamId, 41, reducer).catch((caught: unknown) => caught);
      expect(beyond).toBeInstanceOf(StreamVersionNotFoundError);
      expect(beyond).toMatchObject({ requestedVersion: 41, actualVersion: 40 });
    });

    it('refuses a reducer without a usable version and a negative load-at version', async () => {
      const store = storeOn(create());
      const streamId = newStreamId();
      await expect(store.load(streamId, { ...tallyReducer(1), version: -1 })).rejects.toBeInstanceOf(
        InvalidOptionError,
      );
      await expect(store.loadAt(streamId, -1, tallyReducer(1))).rejects.toBeInstanceOf(InvalidOptionError);
    });
  });
}
