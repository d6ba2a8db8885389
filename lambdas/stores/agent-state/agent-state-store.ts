import type { AppliedMessage } from './applied-messages.js';

/** One agent's stored state and the version to pass back as `expectedVersion` on the next write. */
export interface VersionedAgentState {
  readonly state: unknown;
  readonly version: number;
}

/** What `get` returns: the state, its version, and the messages whose effect it holds (oldest first). */
export interface StoredAgentState extends VersionedAgentState {
  readonly applied: readonly AppliedMessage[];
}

export interface AgentStateEntry extends VersionedAgentState {
  /** `type/key`. */
  readonly agentId: string;
}

/**
 * Per-agent state with optimistic concurrency (Lambda is stateless, so an agent's state lives here between
 * invocations). AgentIds are `type/key`, split at the first `/`. State must be JSON-serialisable; it comes
 * back as a fresh copy, never the object that was written. Each write also stores the applied-message log
 * it is given, in the same item under the same condition, so a state and the record of the messages that
 * made it are written together or not at all.
 *
 * @example
 * ```ts
 * const current = await store.get('orders/42');
 * const next = reduce(current?.state);
 * const applied = withApplied(current?.applied ?? [], appliedMessage(messageId, 'event', undefined));
 * await store.put('orders/42', next, current?.version ?? 0, applied); // StateVersionConflictError if someone won
 * ```
 */
export interface AgentStateStore {
  /** The agent's state, version and applied-message log, or undefined when it has none. Strongly consistent. */
  get(agentId: string): Promise<StoredAgentState | undefined>;
  /**
   * Writes the state and the applied-message log (default: empty) if the stored version is `expectedVersion`
   * (0 = the agent must have no state yet) and returns the new version (`expectedVersion + 1`). A lost race
   * throws `StateVersionConflictError` and writes neither.
   */
  put(
    agentId: string,
    state: unknown,
    expectedVersion: number,
    applied?: readonly AppliedMessage[],
  ): Promise<number>;
  /** Every stored agent of the given types, grouped by type in the order given, keys ascending. */
  list(agentTypes: readonly string[]): Promise<AgentStateEntry[]>;
  /** Removes the agent's state and its log; deleting absent state is not an error. */
  delete(agentId: string): Promise<void>;
}
