import { isAgentbridgeError } from '../../contracts/agentbridge-error.js';
import type { AgentStateStore, StoredAgentState } from '../../stores/agent-state/agent-state-store.js';
import {
  type AppliedMessage,
  appliedMessage,
  findApplied,
  withApplied,
} from '../../stores/agent-state/applied-messages.js';
import { DeliveryConflictError, RecordedReplyUnavailableError } from './aws-runtime-error.js';

/**
 * Attempts per delivery when another delivery to the same agent wins the write: each attempt re-reads the
 * state and reruns the handler on it. Only after the last is the conflict thrown, for Lambda to retry.
 */
export const DELIVERY_ATTEMPTS = 3;

/** One delivery to a stateful agent, as {@link applyOnce} runs it. */
export interface ApplyOnceRequest {
  readonly store: AgentStateStore;
  readonly agentId: string;
  readonly messageId: string;
  /** An rpc's reply is recorded with its id; an event has none. */
  readonly kind: 'event' | 'rpc';
  /**
   * Builds the agent from the stored state and runs its handler: the handler's result and the state to store
   * after it (`undefined` when the agent keeps no state).
   */
  run(stored: StoredAgentState | undefined): Promise<{ readonly result: unknown; readonly next: unknown }>;
}

/** What a delivery answered, and whether it was a redelivery answered from the log. */
export interface AppliedOutcome {
  readonly result: unknown;
  readonly duplicate: boolean;
}

/**
 * Applies a message to an agent's state exactly once. The new state and the message's log entry (its id, an
 * rpc's reply) are one conditional write on the version read, so either both are stored or neither: a
 * redelivery after any crash finds the id and is answered from the log without running the handler, or finds
 * no id and nothing of its first run in the state. Every delivery the handler completes is recorded, a
 * read-only one too, so a repeated rpc always gets its first reply. A lost race reruns the delivery on the
 * newer state, up to {@link DELIVERY_ATTEMPTS} times, then throws {@link DeliveryConflictError} (transient).
 *
 * @example
 * ```ts
 * const { result } = await applyOnce({ store, agentId: 'account/a-1', messageId, kind: 'rpc', run });
 * ```
 */
export async function applyOnce(request: ApplyOnceRequest): Promise<AppliedOutcome> {
  const { store, agentId, messageId, kind } = request;
  for (let attempt = 1; ; attempt++) {
    const stored = await store.get(agentId);
    const log = stored?.applied ?? [];
    const applied = findApplied(log, messageId);
    if (applied !== undefined) return { result: replay(applied, agentId), duplicate: true };
    const { result, next } = await request.run(stored);
    if (next === undefined) return { result, duplicate: false };
    try {
      const entry = appliedMessage(messageId, kind, result);
      await store.put(agentId, next, stored?.version ?? 0, withApplied(log, entry));
      return { result, duplicate: false };
    } catch (error) {
      if (!isAgentbridgeError(error, 'STATE_VERSION_CONFLICT')) throw error;
      if (attempt >= DELIVERY_ATTEMPTS) throw new DeliveryConflictError(agentId, messageId, { cause: error });
    }
  }
}

const replay = (applied: AppliedMessage, agentId: string): unknown => {
  if (applied.kind === 'reply-dropped') {
    throw new RecordedReplyUnavailableError(agentId, applied.id, applied.replyBytes);
  }
  return applied.kind === 'reply' ? applied.reply : undefined;
};
