import { StateVersionConflictError } from '../agent-state-error.js';
import { assertAgentStateType, formatAgentStateId, parseAgentStateId } from '../agent-state-id.js';
import type { AgentStateEntry, AgentStateStore, StoredAgentState } from '../agent-state-store.js';
import { type AppliedMessage, decodeAppliedMessages, encodeAppliedMessages } from '../applied-messages.js';
import { encodeAgentState } from '../encode-agent-state.js';

interface StoredState {
  readonly json: string;
  readonly version: number;
  readonly appliedJson: string;
}

/** DynamoDB orders sort keys by UTF-8 bytes; JS string comparison uses UTF-16 units, which differs above U+FFFF. */
const byUtf8 = (a: string, b: string): number =>
  Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/**
 * Agent state in a Map, with the same validation, JSON copying and version checks as the DynamoDB adapter:
 * for the in-process runtime, tests and benchmarks. Each check-and-write runs without an `await` in between,
 * so concurrent writers race exactly as they do on a conditional PutItem.
 *
 * @example
 * ```ts
 * const store = new InMemoryAgentStateStore();
 * const version = await store.put('orders/42', { step: 1 }, 0); // 1
 * ```
 */
export class InMemoryAgentStateStore implements AgentStateStore {
  readonly #types = new Map<string, Map<string, StoredState>>();

  async get(agentId: string): Promise<StoredAgentState | undefined> {
    const { agentType, agentKey } = parseAgentStateId(agentId);
    const stored = this.#types.get(agentType)?.get(agentKey);
    if (stored === undefined) return undefined;
    const applied = decodeAppliedMessages(agentId, stored.appliedJson);
    return { state: JSON.parse(stored.json), version: stored.version, applied };
  }

  async put(
    agentId: string,
    state: unknown,
    expectedVersion: number,
    applied: readonly AppliedMessage[] = [],
  ): Promise<number> {
    const { agentType, agentKey } = parseAgentStateId(agentId);
    const json = encodeAgentState(agentId, state, expectedVersion);
    const appliedJson = encodeAppliedMessages(agentId, applied);
    const keys = this.#types.get(agentType) ?? new Map<string, StoredState>();
    const actual = keys.get(agentKey)?.version ?? 0;
    if (actual !== expectedVersion) throw new StateVersionConflictError(agentId, expectedVersion, actual);
    const version = expectedVersion + 1;
    keys.set(agentKey, { json, version, appliedJson });
    this.#types.set(agentType, keys);
    return version;
  }

  async list(agentTypes: readonly string[]): Promise<AgentStateEntry[]> {
    for (const agentType of agentTypes) assertAgentStateType(agentType);
    const entries: AgentStateEntry[] = [];
    for (const agentType of new Set(agentTypes)) {
      const keys = this.#types.get(agentType);
      if (keys === undefined) continue;
      for (const [agentKey, stored] of [...keys.entries()].sort(([a], [b]) => byUtf8(a, b))) {
        entries.push({
          agentId: formatAgentStateId({ agentType, agentKey }),
          state: JSON.parse(stored.json),
          version: stored.version,
        });
      }
    }
    return entries;
  }

  async delete(agentId: string): Promise<void> {
    const { agentType, agentKey } = parseAgentStateId(agentId);
    const keys = this.#types.get(agentType);
    keys?.delete(agentKey);
    if (keys?.size === 0) this.#types.delete(agentType);
  }
}
