import { describe, expect, it } from 'vitest';
import {
  InvalidAgentStateError,
  StateVersionConflictError,
} from '../../../lambdas/stores/agent-state/agent-state-error.js';
import { MAX_AGENT_KEY_BYTES } from '../../../lambdas/stores/agent-state/agent-state-id.js';
import {
  APPLIED_MESSAGES_KEPT,
  type AppliedMessage,
  appliedMessage,
  MAX_RECORDED_REPLY_BYTES,
  withApplied,
} from '../../../lambdas/stores/agent-state/applied-messages.js';
import { MAX_AGENT_STATE_BYTES } from '../../../lambdas/stores/agent-state/encode-agent-state.js';
import { agentStateAdapters, uniqueAgentType } from './agent-state-adapters.js';

const rejection = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe.each(agentStateAdapters)(
  'AgentStateStore applied-message log conformance: %s',
  (_name, makeStore) => {
    const store = makeStore();

    it('stores the log with the state in one write and reads both back', async () => {
      const id = `${uniqueAgentType()}/acct`;
      const log: AppliedMessage[] = [
        { id: 'm-1', kind: 'event' },
        { id: 'm-2', kind: 'reply', reply: { balance: 25 } },
        { id: 'm-3', kind: 'reply' },
        { id: 'm-4', kind: 'reply-dropped', replyBytes: 9_000 },
      ];
      await store.put(id, { balance: 25 }, 0, log);
      expect(await store.get(id)).toEqual({ state: { balance: 25 }, version: 1, applied: log });
    });

    it('replaces the log on each write and has an empty one when none is given', async () => {
      const id = `${uniqueAgentType()}/acct`;
      await store.put(id, 1, 0, [{ id: 'm-1', kind: 'event' }]);
      await store.put(id, 2, 1, [{ id: 'm-2', kind: 'event' }]);
      expect((await store.get(id))?.applied).toEqual([{ id: 'm-2', kind: 'event' }]);
      await store.put(id, 3, 2);
      expect((await store.get(id))?.applied).toEqual([]);
    });

    it('writes neither state nor log when the version condition fails', async () => {
      const id = `${uniqueAgentType()}/acct`;
      await store.put(id, 'won', 0, [{ id: 'winner', kind: 'event' }]);
      const error = await rejection(store.put(id, 'lost', 0, [{ id: 'loser', kind: 'event' }]));
      expect(error).toBeInstanceOf(StateVersionConflictError);
      expect(await store.get(id)).toEqual({
        state: 'won',
        version: 1,
        applied: [{ id: 'winner', kind: 'event' }],
      });
    });

    it('rejects a log longer than the kept count or with a malformed entry, writing nothing', async () => {
      const id = `${uniqueAgentType()}/acct`;
      const tooLong = Array.from({ length: APPLIED_MESSAGES_KEPT + 1 }, (_, n) => ({
        id: `m-${n}`,
        kind: 'event',
      }));
      const oversizedReply = { id: 'm', kind: 'reply', reply: 'x'.repeat(MAX_RECORDED_REPLY_BYTES) };
      for (const bad of [
        tooLong,
        [{ id: '', kind: 'event' }],
        [{ id: 'm', kind: 'other' }],
        [oversizedReply],
      ]) {
        const error = await rejection(store.put(id, 1, 0, bad as AppliedMessage[]));
        expect(error).toBeInstanceOf(InvalidAgentStateError);
      }
      expect(await store.get(id)).toBeUndefined();
    });

    it('keeps the largest state, the longest key and a full log of the largest entries in one item', async () => {
      const id = `${uniqueAgentType()}/${'k'.repeat(MAX_AGENT_KEY_BYTES)}`;
      const largestReply = 'r'.repeat(MAX_RECORDED_REPLY_BYTES - 2);
      let log: readonly AppliedMessage[] = [];
      for (let n = 0; n < APPLIED_MESSAGES_KEPT; n++) {
        log = withApplied(log, appliedMessage(`${n}`.padStart(128, 'm'), 'rpc', largestReply));
      }
      const largest = 'x'.repeat(MAX_AGENT_STATE_BYTES - 2);
      expect(await store.put(id, largest, 0, log)).toBe(1);
      const stored = await store.get(id);
      expect(stored?.state).toBe(largest);
      expect(stored?.applied).toEqual(log);
    });
  },
);

describe('the applied-message log keeps the last messages by count', () => {
  it('forgets the oldest entry once more than the kept count were applied, and moves a repeated id last', () => {
    let log: readonly AppliedMessage[] = [];
    for (let n = 0; n <= APPLIED_MESSAGES_KEPT; n++)
      log = withApplied(log, appliedMessage(`m-${n}`, 'event', undefined));
    expect(log).toHaveLength(APPLIED_MESSAGES_KEPT);
    expect(log[0]?.id).toBe('m-1');
    log = withApplied(log, appliedMessage('m-1', 'event', undefined));
    expect(log.map((entry) => entry.id).slice(-2)).toEqual([`m-${APPLIED_MESSAGES_KEPT}`, 'm-1']);
    expect(log).toHaveLength(APPLIED_MESSAGES_KEPT);
  });

  it('records an rpc reply up to the size limit and only the size of a larger one', () => {
    const fits = 'a'.repeat(MAX_RECORDED_REPLY_BYTES - 2);
    expect(appliedMessage('m', 'rpc', fits)).toEqual({ id: 'm', kind: 'reply', reply: fits });
    expect(appliedMessage('m', 'rpc', `${fits}b`)).toEqual({
      id: 'm',
      kind: 'reply-dropped',
      replyBytes: MAX_RECORDED_REPLY_BYTES + 1,
    });
    expect(appliedMessage('m', 'rpc', undefined)).toEqual({ id: 'm', kind: 'reply' });
  });
});
