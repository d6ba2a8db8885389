import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { Aggregate } from '../../../../lambdas/patterns/aggregate/aggregate.js';
import {
  ConcurrencyRetriesExhaustedError,
  InvalidAggregateOptionsError,
} from '../../../../lambdas/patterns/aggregate/aggregate-error.js';
import { EventStore } from '../../../../lambdas/stores/event-store/event-store.js';
import { ConcurrencyError } from '../../../../lambdas/stores/event-store/event-store-error.js';
import { InMemoryEventStoreAdapter } from '../../../../lambdas/stores/event-store/in-memory/in-memory-event-store-adapter.js';
import { type UserCommand, UserNotFoundError, type UserState, userAggregate } from './user-aggregate.js';

const newStore = () => new EventStore({ adapter: new InMemoryEventStoreAdapter() });
const userId = () => `user-${randomUUID()}`;
const noWait = { sleep: async () => undefined };
const active: UserState = { status: 'active', updates: 0 };

describe('Aggregate', () => {
  it('decides on the loaded state, appends at its version and returns the evolved state', async () => {
    const store = newStore();
    const users = new Aggregate(store, userAggregate, noWait);
    const id = userId();
    await users.execute(id, { kind: 'create', name: 'Ada', email: 'ada@example.com' });
    const updated = await users.execute(id, { kind: 'update', name: 'Ada L.' }, { correlationId: 'req-1' });
    expect(updated.state).toEqual({ status: 'active', name: 'Ada L.', email: 'ada@example.com', updates: 1 });
    expect(updated.version).toBe(2);
    expect(updated.events[0]?.metadata.correlationId).toBe('req-1');
    expect((await store.load(id, userAggregate.evolve)).state).toEqual(updated.state);
  });

  it('lets a domain rejection through and appends nothing', async () => {
    const store = newStore();
    const users = new Aggregate(store, userAggregate, noWait);
    const id = userId();
    await expect(users.execute(id, { kind: 'delete' })).rejects.toBeInstanceOf(UserNotFoundError);
    expect(await store.currentVersion(id)).toBe(0);
  });

  it('appends nothing when the decision produces no events', async () => {
    const store = newStore();
    const users = new Aggregate(store, userAggregate, noWait);
    const id = userId();
    await users.execute(id, { kind: 'create', name: 'Ada', email: 'a@x' });
    const result = await users.execute(id, { kind: 'touch' });
    expect(result).toMatchObject({ events: [], version: 1 });
  });

  it('reloads and decides again after losing a race', async () => {
    const store = newStore();
    const id = userId();
    await store.append(id, 'no-stream', [{ type: 'UserCreated', data: { name: 'Ada', email: 'a@x' } }]);
    let raced = false;
    const decide = vi.fn(async (command: UserCommand, state: UserState, context: { version: number }) => {
      if (!raced) {
        raced = true;
        await store.append(id, context.version, [{ type: 'UserUpdated', data: { name: 'Grace' } }]);
      }
      return userAggregate.decide(command, state, { streamId: id, ...context });
    });
    const users = new Aggregate(store, { evolve: userAggregate.evolve, decide }, noWait);
    const result = await users.execute(id, { kind: 'update', name: 'Ada L.' });
    expect(decide).toHaveBeenCalledTimes(2);
    expect(decide.mock.calls[1]?.[1]).toMatchObject({ name: 'Grace', updates: 1 });
    expect(result).toMatchObject({ version: 3, state: { name: 'Ada L.', updates: 2 } });
  });

  it('gives up after the bounded number of attempts, backing off with jitter in between', async () => {
    const lost = new ConcurrencyError('user-1', 1, 2);
    const store = {
      load: async () => ({ state: active, version: 1 }),
      append: vi.fn(async () => Promise.reject(lost)),
    };
    const sleep = vi.fn(async () => undefined);
    const users = new Aggregate(store, userAggregate, {
      maxAttempts: 3,
      baseDelayMs: 10,
      random: () => 0.5,
      sleep,
    });
    const error = await users
      .execute('user-1', { kind: 'update', name: 'x' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConcurrencyRetriesExhaustedError);
    expect(error).toMatchObject({ streamId: 'user-1', attempts: 3, cause: lost });
    expect(store.append).toHaveBeenCalledTimes(3);
    expect(sleep.mock.calls).toEqual([[5], [10]]);
  });

  it('does not retry an error that is not a lost race', async () => {
    const store = {
      load: async () => ({ state: active, version: 1 }),
      append: vi.fn(async () => Promise.reject(new Error('throttled'))),
    };
    const users = new Aggregate(store, userAggregate, noWait);
    await expect(users.execute('user-1', { kind: 'delete' })).rejects.toThrow('throttled');
    expect(store.append).toHaveBeenCalledTimes(1);
  });

  it.each([0, 1.5, -1])('refuses %s attempts', (maxAttempts) => {
    expect(() => new Aggregate(newStore(), userAggregate, { maxAttempts })).toThrow(
      InvalidAggregateOptionsError,
    );
  });
});
