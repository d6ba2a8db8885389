import type { TableDefinition } from '../table-definition.js';

/**
 * Attribute names of an agent-state item. One item per agent instance; the AgentId `type/key` is split so
 * that "every agent of these types" (the runtime's `saveState`) is one Query per type, never a Scan.
 */
export const AGENT_STATE_ATTRIBUTES = {
  /** Partition key: the agent type (text before the first `/` of the AgentId). */
  agentType: 'agentType',
  /** Sort key: the agent key (everything after the first `/`; may itself contain `/`). */
  agentKey: 'agentKey',
  /** Optimistic-concurrency version: 1 on the first write, +1 on each write; every write is conditional on it. */
  version: 'version',
  /** The state as JSON text, so it round-trips byte-exact and its size is known before the write. */
  state: 'state',
  /**
   * The last messages whose effect the state holds (ids, rpc replies) as JSON text, written with the state by
   * the same conditional write: the state item is the dedup record of the messages that changed it.
   */
  applied: 'applied',
  /** ISO-8601 time of the last write, for operators; no logic reads it. */
  updatedAt: 'updatedAt',
} as const;

/**
 * Per-agent state. No TTL: state must survive as long as the agent exists, and is removed by an explicit delete.
 *
 * @example
 * ```ts
 * const tableName = process.env[AGENT_STATE_TABLE.envVar] ?? AGENT_STATE_TABLE.localName;
 * ```
 */
export const AGENT_STATE_TABLE: TableDefinition = {
  id: 'AgentState',
  envVar: 'AGENTBRIDGE_AGENT_STATE_TABLE_NAME',
  localName: 'agentbridge-agent-state',
  partitionKey: { name: AGENT_STATE_ATTRIBUTES.agentType, type: 'S' },
  sortKey: { name: AGENT_STATE_ATTRIBUTES.agentKey, type: 'S' },
};
