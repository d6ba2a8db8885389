import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidAgentStateError,
  InvalidAgentStateIdError,
  StateVersionConflictError,
} from '../../../lambdas/stores/agent-state/agent-state-error.js';
import { MAX_AGENT_KEY_BYTES } from '../../../lambdas/stores/agent-state/agent-state-id.js';
import { MAX_AGENT_STATE_BYTES } from '../../../lambdas/stores/agent-state/encode-agent-state.js';
import { agentStateAdapters, uniqueAgentType } from './agent-state-adapters.js';

const uniqueType = uniqueAgentType;

const conflictOf = async (promise: Promise<unknown>): Promise<StateVersionConflictError> => {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof StateVersionConflictError))
    throw new Error(`expected a StateVersionConflictError, got ${String(error)}`);
  return error;
};

describe.each(agentStateAdapters)('AgentStateStore conformance: %s', (_name, makeStore) => {
  const store = makeStore();

  it('has no state for an agent never written', async () => {
    expect(await store.get(`${uniqueType()}/nobody`)).toBeUndefined();
  });

  it('creates state at version 1 and bumps the version on each write', async () => {
    const id = `${uniqueType()}/42`;
    expect(await store.put(id, { step: 1 }, 0)).toBe(1);
    expect(await store.get(id)).toEqual({ state: { step: 1 }, version: 1, applied: [] });
    expect(await store.put(id, { step: 2 }, 1)).toBe(2);
    expect(await store.get(id)).toEqual({ state: { step: 2 }, version: 2, applied: [] });
  });

  it('rejects creating state that already exists, reporting the stored version', async () => {
    const id = `${uniqueType()}/42`;
    await store.put(id, 'first', 0);
    const conflict = await conflictOf(store.put(id, 'second', 0));
    expect(conflict).toMatchObject({ code: 'STATE_VERSION_CONFLICT', agentId: id, expected: 0, actual: 1 });
    expect(await store.get(id)).toMatchObject({ state: 'first', version: 1 });
  });

  it('rejects a write based on a stale version and keeps the newer state', async () => {
    const id = `${uniqueType()}/42`;
    await store.put(id, 'v1', 0);
    await store.put(id, 'v2', 1);
    const conflict = await conflictOf(store.put(id, 'stale', 1));
    expect(conflict).toMatchObject({ expected: 1, actual: 2 });
    expect(await store.get(id)).toMatchObject({ state: 'v2', version: 2 });
  });

  it('rejects updating state that does not exist, reporting version 0', async () => {
    const id = `${uniqueType()}/42`;
    expect(await conflictOf(store.put(id, 'x', 3))).toMatchObject({ expected: 3, actual: 0 });
    expect(await store.get(id)).toBeUndefined();
  });

  it('lets exactly one of many concurrent writers with the same expected version win', async () => {
    const id = `${uniqueType()}/contended`;
    await store.put(id, { writer: -1 }, 0);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, writer) => store.put(id, { writer }, 1)),
    );
    const winners = results.flatMap((result, writer) => (result.status === 'fulfilled' ? [writer] : []));
    expect(winners).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toMatchObject({ expected: 1, actual: 2 });
    }
    expect(await store.get(id)).toMatchObject({ state: { writer: winners[0] }, version: 2 });
  });

  it('stores a copy: later mutations of the written or read object change nothing', async () => {
    const id = `${uniqueType()}/42`;
    const state = { items: ['a'] };
    await store.put(id, state, 0);
    state.items.push('b');
    const read = (await store.get(id))?.state as { items: string[] } | undefined;
    expect(read).toEqual({ items: ['a'] });
    read?.items.push('c');
    expect(await store.get(id)).toMatchObject({ state: { items: ['a'] }, version: 1 });
  });

  it('round-trips any JSON value exactly as JSON does', async () => {
    const type = uniqueType();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const id = `${type}/${n++}`;
        await store.put(id, value, 0);
        expect((await store.get(id))?.state).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 30 },
    );
  });

  it('lists every agent of the requested types, keys containing "/" intact, other types left out', async () => {
    const [orders, users, other] = [uniqueType(), uniqueType(), uniqueType()];
    await store.put(`${orders}/b`, 2, 0);
    await store.put(`${orders}/a/nested`, 1, 0);
    await store.put(`${orders}/b`, 3, 1);
    await store.put(`${users}/ada`, { name: 'Ada' }, 0);
    await store.put(`${other}/x`, 'hidden', 0);
    expect(await store.list([orders, users, orders, `${uniqueType()}`])).toEqual([
      { agentId: `${orders}/a/nested`, state: 1, version: 1 },
      { agentId: `${orders}/b`, state: 3, version: 2 },
      { agentId: `${users}/ada`, state: { name: 'Ada' }, version: 1 },
    ]);
    expect(await store.list([])).toEqual([]);
  });

  it('lists a type whose states span several result pages', async () => {
    const type = uniqueType();
    const keys = ['k1', 'k2', 'k3', 'k4', 'k5'];
    for (const key of keys) await store.put(`${type}/${key}`, { key }, 0);
    expect(await store.list([type])).toEqual(
      keys.map((key) => ({ agentId: `${type}/${key}`, state: { key }, version: 1 })),
    );
  });

  it('stores state up to the item size limit', async () => {
    const id = `${uniqueType()}/${'k'.repeat(MAX_AGENT_KEY_BYTES)}`;
    const largest = 'x'.repeat(MAX_AGENT_STATE_BYTES - 2);
    expect(await store.put(id, largest, 0)).toBe(1);
    expect((await store.get(id))?.state).toBe(largest);
  });

  it('deletes state so the agent can start again from version 0, and ignores deleting absent state', async () => {
    const id = `${uniqueType()}/42`;
    await store.put(id, 'old', 0);
    await store.delete(id);
    expect(await store.get(id)).toBeUndefined();
    await store.delete(id);
    expect(await store.put(id, 'new', 0)).toBe(1);
  });

  it.each(['no-slash', '/key-without-type', 'type-without-key/', ''])(
    'rejects the agent id %j',
    async (id) => {
      await expect(store.get(id)).rejects.toBeInstanceOf(InvalidAgentStateIdError);
      await expect(store.put(id, 1, 0)).rejects.toBeInstanceOf(InvalidAgentStateIdError);
      await expect(store.delete(id)).rejects.toBeInstanceOf(InvalidAgentStateIdError);
    },
  );

  it('rejects listing an agent type that is empty or contains "/"', async () => {
    await expect(store.list([''])).rejects.toBeInstanceOf(InvalidAgentStateIdError);
    await expect(store.list(['a/b'])).rejects.toBeInstanceOf(InvalidAgentStateIdError);
  });

  it('rejects state that has no JSON form or is too large, writing nothing', async () => {
    const id = `${uniqueType()}/42`;
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    for (const bad of [undefined, () => 1, 10n, circular, 'x'.repeat(MAX_AGENT_STATE_BYTES)]) {
      await expect(store.put(id, bad, 0)).rejects.toBeInstanceOf(InvalidAgentStateError);
    }
    expect(await store.get(id)).toBeUndefined();
  });

  it('rejects an expected version that is negative or not an integer, writing nothing', async () => {
    const id = `${uniqueType()}/42`;
    for (const bad of [-1, 0.5, Number.NaN]) {
      await expect(store.put(id, 'x', bad)).rejects.toBeInstanceOf(InvalidAgentStateError);
    }
    expect(await store.get(id)).toBeUndefined();
  });
});
