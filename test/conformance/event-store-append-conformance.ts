import { describe, expect, it } from 'vitest';
import { ConcurrencyError } from '../../lambdas/stores/event-store/event-store-error.js';
import {
  AppendTooLargeError,
  EventTooLargeError,
  TooManyEventsError,
} from '../../lambdas/stores/event-store/event-store-input-error.js';
import type { ExpectedVersion } from '../../lambdas/stores/event-store/expected-version.js';
import { MAX_EVENT_BYTES } from '../../lambdas/stores/event-store/item-size.js';
import {
  addedEvents,
  type EventStoreHarness,
  FIXED_TIME,
  newStreamId,
  storeOn,
} from './event-store-harness.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Appends: versions, atomicity, optimistic concurrency and bad input (issue 3 §2). */
export function describeAppendConformance(create: () => EventStoreHarness): void {
  describe('append', () => {
    it('numbers a new stream from 1 and stamps id and metadata on every event', async () => {
      const store = storeOn(create());
      const streamId = newStreamId();
      const result = await store.append(streamId, 'no-stream', addedEvents(3));
      expect(result.nextExpectedVersion).toBe(3);
      expect(result.events.map((event) => event.version)).toEqual([1, 2, 3]);
      const first = result.events[0];
      expect(first?.id).toMatch(UUID);
      expect(first?.metadata).toEqual({
        correlationId: first?.id,
        causationId: first?.id,
        time: FIXED_TIME.toISOString(),
      });
      const page = await store.readForward(streamId);
      expect(page.events).toEqual(result.events);
    });

    it('continues contiguously from the expected version', async () => {
      const store = storeOn(create());
      const streamId = newStreamId();
      await store.append(streamId, 0, addedEvents(2));
      const second = await store.append(streamId, 2, addedEvents(2, 3));
      expect(second.events.map((event) => event.version)).toEqual([3, 4]);
      expect(await store.currentVersion(streamId)).toBe(4);
    });

    it('keeps correlation, causation and extra metadata, per event where given', async () => {
      const store = storeOn(create());
      const streamId = newStreamId();
      const result = await store.append(
        streamId,
        'no-stream',
        [
          { type: 'Added', data: { amount: 1 }, id: 'event-1' },
          { type: 'Added', data: null, metadata: { causationId: 'event-1', schemaVersion: 2 } },
        ],
        { correlationId: 'request-9', causationId: 'command-7', metadata: { actor: 'ada' } },
      );
      const [first, second] = (await store.readForward(streamId)).events;
      expect(first).toMatchObject({ id: 'event-1', data: { amount: 1 } });
      expect(first?.metadata).toMatchObject({
        correlationId: 'request-9',
        causationId: 'command-7',
        actor: 'ada',
      });
      expect(second?.metadata).toMatchObject({
        correlationId: 'request-9',
        causationId: 'event-1',
        schemaVersion: 2,
      });
      expect(second?.data).toBeNull();
      expect(result.events[1]?.metadata).toEqual(second?.metadata);
    });

    it.each<[string, ExpectedVersion, number]>([
      ['a stale version', 1, 2],
      ['a version beyond the end', 5, 2],
      ["'no-stream' on an existing stream", 'no-stream', 2],
    ])('rejects %s with a ConcurrencyError and writes nothing', async (_, expected, actual) => {
      const store = storeOn(create());
      const streamId = newStreamId();
      await store.append(streamId, 'no-stream', addedEvents(2));
      const error = await store.append(streamId, expected, addedEvents(3)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ streamId, expectedVersion: expected, actualVersion: actual });
      expect(await store.currentVersion(streamId)).toBe(2);
    });

    it('rejects an exact version on a stream that does not exist', async () => {
      const store = storeOn(create());
      const streamId = newStreamId();
      await expect(store.append(streamId, 3, addedEvents(1))).rejects.toMatchObject({
        code: 'CONCURRENCY_CONFLICT',
        actualVersion: 0,
      });
    });

    it("appends at whatever version the stream is at with 'any'", async () => {
      const store = storeOn(create());
      const streamId = newStreamId();
      await store.append(streamId, 'any', addedEvents(2));
      const result = await store.append(streamId, 'any', addedEvents(1));
      expect(result.events[0]?.version).toBe(3);
    });

    it('lets exactly one of several racing appends at the same version win', async () => {
      const store = storeOn(create());
      const streamId = newStreamId();
      await store.append(streamId, 'no-stream', addedEvents(1));
      const outcomes = await Promise.allSettled(
        Array.from({ length: 5 }, (_, writer) => store.append(streamId, 1, addedEvents(3, writer * 10))),
      );
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(ConcurrencyError);
      }
      expect(await store.currentVersion(streamId)).toBe(4);
    });

    it('writes 100 events in one append to an existing stream and refuses 101', async () => {
      const store = storeOn(create());
      const streamId = newStreamId();
      await store.append(streamId, 'no-stream', addedEvents(1));
      await expect(store.append(streamId, 1, addedEvents(101))).rejects.toBeInstanceOf(TooManyEventsError);
      expect(await store.currentVersion(streamId)).toBe(1);
      const result = await store.append(streamId, 1, addedEvents(100));
      expect(result.nextExpectedVersion).toBe(101);
    });

    it('refuses a full 100-event append that would open a gap, and one that lost the race', async () => {
      const store = storeOn(create());
      const streamId = newStreamId();
      await store.append(streamId, 'no-stream', addedEvents(2));
      await expect(store.append(streamId, 5, addedEvents(100))).rejects.toMatchObject({
        expectedVersion: 5,
        actualVersion: 2,
      });
      await expect(store.append(streamId, 1, addedEvents(100))).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store.currentVersion(streamId)).toBe(2);
      await expect(store.append(newStreamId(), 'no-stream', addedEvents(100))).resolves.toMatchObject({
        nextExpectedVersion: 100,
      });
    });

    it('stores an event just under the publishable limit and refuses one just over it, writing nothing', async () => {
      const store = storeOn(create());
      const streamId = newStreamId();
      const fits = 'x'.repeat(MAX_EVENT_BYTES - 600);
      const stored = await store.append(streamId, 'no-stream', [{ type: 'Big', data: { blob: fits } }]);
      expect((await store.readForward(streamId)).events[0]?.data).toEqual({ blob: fits });
      const tooBig = [...addedEvents(1), { type: 'Big', data: { blob: `${fits}${'é'.repeat(400)}` } }];
      const error = await store.append(streamId, 1, tooBig).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(EventTooLargeError);
      expect(error).toMatchObject({ index: 1, maxBytes: MAX_EVENT_BYTES });
      expect(await store.currentVersion(streamId)).toBe(stored.nextExpectedVersion);
    });

    it('refuses events that fit one by one but not together in one transaction', async () => {
      const store = storeOn(create());
      const streamId = newStreamId();
      const events = Array.from({ length: 17 }, () => ({ type: 'Big', data: 'y'.repeat(240 * 1024) }));
      const error = await store.append(streamId, 'no-stream', events).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppendTooLargeError);
      expect(await store.currentVersion(streamId)).toBe(0);
    });
  });
}
