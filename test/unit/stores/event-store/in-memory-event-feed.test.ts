import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../lambdas/contracts/logger.js';
import { EventStore } from '../../../../lambdas/stores/event-store/event-store.js';
import { ConcurrencyError } from '../../../../lambdas/stores/event-store/event-store-error.js';
import type { SerializedEvent } from '../../../../lambdas/stores/event-store/event-store-port.js';
import { InMemoryEventStoreAdapter } from '../../../../lambdas/stores/event-store/in-memory/in-memory-event-store-adapter.js';
import { addedEvents, tallyReducer } from '../../../conformance/event-store-harness.js';

const position = (event: SerializedEvent): string => `${event.streamId}@${event.version}`;

/** An adapter, a store on it, and everything its feed delivered to one listener. */
const fedStore = () => {
  const adapter = new InMemoryEventStoreAdapter();
  const fed: SerializedEvent[] = [];
  const stop = adapter.subscribe((event) => fed.push(event));
  return { adapter, store: new EventStore({ adapter }), fed, stop };
};

describe('InMemoryEventStoreAdapter change feed', () => {
  it('feeds every committed event in commit order, across streams and appends', async () => {
    const { store, fed } = fedStore();
    await store.append('user-1', 'no-stream', addedEvents(2));
    await store.append('order-1', 'no-stream', addedEvents(1));
    await store.append('user-1', 2, addedEvents(1, 3));
    expect(fed.map(position)).toEqual(['user-1@1', 'user-1@2', 'order-1@1', 'user-1@3']);
  });

  it('feeds the events as stored: id, type, data and metadata', async () => {
    const { store, fed } = fedStore();
    const { events } = await store.append('user-1', 'no-stream', addedEvents(1), { correlationId: 'req-1' });
    const [stored] = events;
    expect(fed).toHaveLength(1);
    expect(fed[0]).toMatchObject({ id: stored?.id, type: stored?.type, streamId: 'user-1', version: 1 });
    expect(JSON.parse(fed[0]?.data ?? '')).toEqual(stored?.data);
    expect(JSON.parse(fed[0]?.metadata ?? '')).toEqual(stored?.metadata);
  });

  it('has fed the events by the time the append resolves', async () => {
    const { store, fed } = fedStore();
    await store.append('user-1', 'no-stream', addedEvents(1));
    expect(fed.map(position)).toEqual(['user-1@1']);
  });

  it('feeds nothing for an append that loses its expected-version check', async () => {
    const { store, fed } = fedStore();
    await store.append('user-1', 'no-stream', addedEvents(1));
    const error = await store.append('user-1', 0, addedEvents(2)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(fed.map(position)).toEqual(['user-1@1']);
  });

  it('feeds nothing for an append the store rejects as bad input', async () => {
    const { store, fed } = fedStore();
    await expect(store.append('user-1', 'no-stream', [])).rejects.toThrow();
    expect(fed).toEqual([]);
  });

  it('never feeds snapshots', async () => {
    const { store, fed } = fedStore();
    await store.append('user-1', 'no-stream', addedEvents(3));
    await store.snapshot('user-1', tallyReducer(1));
    expect(fed.map(position)).toEqual(['user-1@1', 'user-1@2', 'user-1@3']);
  });

  it('feeds every listener, and an unsubscribed one no more', async () => {
    const { adapter, store, fed: first } = fedStore();
    const second: SerializedEvent[] = [];
    const stopSecond = adapter.subscribe((event) => second.push(event));
    await store.append('user-1', 'no-stream', addedEvents(1));
    stopSecond();
    await store.append('user-1', 1, addedEvents(1, 2));
    expect(first.map(position)).toEqual(['user-1@1', 'user-1@2']);
    expect(second.map(position)).toEqual(['user-1@1']);
  });

  it('treats one function subscribed twice as two subscriptions', async () => {
    const { adapter, store } = fedStore();
    const listener = vi.fn();
    const stopOne = adapter.subscribe(listener);
    adapter.subscribe(listener);
    stopOne();
    await store.append('user-1', 'no-stream', addedEvents(1));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps the append and the other listeners when a listener throws, and logs the error', async () => {
    const error = vi.fn();
    const adapter = new InMemoryEventStoreAdapter({ logger: { ...silentLogger, error } });
    const store = new EventStore({ adapter });
    const fed: SerializedEvent[] = [];
    adapter.subscribe(() => {
      throw new Error('listener broke');
    });
    adapter.subscribe((event) => fed.push(event));
    await store.append('user-1', 'no-stream', addedEvents(1));
    expect(await store.currentVersion('user-1')).toBe(1);
    expect(fed.map(position)).toEqual(['user-1@1']);
    expect(error).toHaveBeenCalledWith(
      expect.stringContaining('listener failed'),
      expect.objectContaining({ streamId: 'user-1', version: 1, error: expect.any(Error) }),
    );
  });

  it('feeds what a listener appends after the rest of the append that triggered it', async () => {
    const { adapter, store, fed } = fedStore();
    adapter.subscribe((event) => {
      if (event.streamId === 'user-1' && event.version === 1) {
        void store.append('audit-1', 'no-stream', addedEvents(1));
      }
    });
    await store.append('user-1', 'no-stream', addedEvents(2));
    await vi.waitFor(() => expect(fed).toHaveLength(3));
    expect(fed.map(position)).toEqual(['user-1@1', 'user-1@2', 'audit-1@1']);
  });
});
