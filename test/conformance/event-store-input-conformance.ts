import { describe, expect, it } from 'vitest';
import {
  InvalidEventError,
  InvalidExpectedVersionError,
  InvalidStreamIdError,
  NotJsonSerializableError,
} from '../../lambdas/stores/event-store/event-store-input-error.js';
import type { ExpectedVersion } from '../../lambdas/stores/event-store/expected-version.js';
import type { NewEvent } from '../../lambdas/stores/event-store/new-event.js';
import { addedEvents, type EventStoreHarness, newStreamId, storeOn } from './event-store-harness.js';

/** Bad input: a clear typed error, and nothing of the append written (issue 3 §2). */
export function describeInputConformance(create: () => EventStoreHarness): void {
  describe('bad input', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    it.each<[string, unknown, string]>([
      ['a function', { run: () => 1 }, 'events[1].data.run'],
      ['a bigint', { big: 10n }, 'events[1].data.big'],
      ['a cycle', cyclic, 'events[1].data.self'],
      ['undefined at the top level', undefined, 'events[1].data'],
      ['a Date', { at: new Date(0) }, 'events[1].data.at'],
      ['NaN', [1, Number.NaN], 'events[1].data[1]'],
    ])('refuses a payload holding %s, naming the path, and writes nothing', async (_, data, path) => {
      const store = storeOn(create());
      const streamId = newStreamId();
      const events: NewEvent[] = [...addedEvents(1), { type: 'Bad', data }];
      const error = await store.append(streamId, 'no-stream', events).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NotJsonSerializableError);
      expect(error).toMatchObject({ path });
      expect(await store.currentVersion(streamId)).toBe(0);
    });

    it.each<[string, unknown]>([
      ['empty', ''],
      ['holding #', 'user#1'],
      ['starting with a space', ' user-1'],
      ['holding a newline', 'user-1\n'],
      ['over 200 characters', `u${'x'.repeat(200)}`],
      ['not a string', 42],
    ])('refuses a stream id %s', async (_, streamId) => {
      const store = storeOn(create());
      await expect(store.append(streamId as string, 'any', addedEvents(1))).rejects.toBeInstanceOf(
        InvalidStreamIdError,
      );
      await expect(store.readForward(streamId as string)).rejects.toBeInstanceOf(InvalidStreamIdError);
    });

    it.each<unknown>([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3', null, 2 ** 53])(
      'refuses the expected version %s',
      async (expected) => {
        const store = storeOn(create());
        const streamId = newStreamId();
        await expect(
          store.append(streamId, expected as ExpectedVersion, addedEvents(1)),
        ).rejects.toBeInstanceOf(InvalidExpectedVersionError);
        expect(await store.currentVersion(streamId)).toBe(0);
      },
    );

    it.each<[string, unknown]>([
      ['no events', []],
      ['a missing type', [{ data: 1 }]],
      ['a type with spaces', [{ type: 'User Created', data: 1 }]],
      ['an id with spaces', [{ type: 'Added', data: 1, id: 'a b' }]],
      ['metadata that is not an object', [{ type: 'Added', data: 1, metadata: 'x' }]],
      ['a non-array', { type: 'Added', data: 1 }],
    ])('refuses an append with %s', async (_, events) => {
      const store = storeOn(create());
      const streamId = newStreamId();
      await expect(store.append(streamId, 'any', events as NewEvent[])).rejects.toBeInstanceOf(
        InvalidEventError,
      );
      expect(await store.currentVersion(streamId)).toBe(0);
    });
  });
}
