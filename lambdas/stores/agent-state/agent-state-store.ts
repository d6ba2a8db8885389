/** One agent's stored state and the version to pass back as `expectedVersion` on the next write. */
export interface VersionedAgentState {
  readonly state: unknown;
  readonly version: number;
}

export interface AgentStateEntry extends VersionedAgentState {
  /** `type/key`. */
  readonly agentId: string;
}

/**
 * Per-agent state with optimistic concurrency (Lambda is stateless, so an agent's state lives here between
 * invocations). AgentIds are `type/key`, split at the first `/`. State must be JSON-serialisable; it comes
 * back as a fresh copy, never the object that was written.
 *
 * @example
 * ```ts
 * const current = await store.get('orders/42');
 * const next = reduce(current?.state);
 * await store.put('orders/42', next, current?.version ?? 0); // StateVersionConflictError if someone won
 * ```
 */
export interface AgentStateStore {
  /** The agent's state and version, or undefined when it has none. Strongly consistent. */
  get(agentId: string): Promise<VersionedAgentState | undefined>;
  /**
   * Writes the state if the stored version is `expectedVersion` (0 = the agent must have no state yet) and
   * returns the new version (`expectedVersion + 1`). A lost race throws `StateVersionConflictError`.
   */
  put(agentId: string, state: unknown, expectedVersion: number): Promise<number>;
  /** Every stored agent of the given types, grouped by type in the order given, keys ascending. */
  list(agentTypes: readonly string[]): Promise<AgentStateEntry[]>;
  /** Removes the agent's state; deleting absent state is not an error. */
  delete(agentId: string): Promise<void>;
}
