import type {
  AgentStateEntry,
  AgentStateStore,
  StoredAgentState,
} from '../../../lambdas/stores/agent-state/agent-state-store.js';
import type { AppliedMessage } from '../../../lambdas/stores/agent-state/applied-messages.js';

/**
 * An agent-state store seen through a namespace: agent types are stored as `<namespace>.<type>`, so a test
 * run's agents never meet another run's on the shared DynamoDB Local table (whose `list` is per type, across
 * every key), and `list` hands entries back under their own types.
 *
 * @example
 * const store = new NamespacedAgentStateStore(dynamoDbStore, `t${randomUUID().slice(0, 8)}`);
 * await store.put('counter/a', { total: 1 }, 0); // stored as `t1a2b3c4d.counter/a`
 */
export class NamespacedAgentStateStore implements AgentStateStore {
  readonly #inner: AgentStateStore;
  readonly #prefix: string;

  constructor(inner: AgentStateStore, namespace: string) {
    this.#inner = inner;
    this.#prefix = `${namespace}.`;
  }

  get(agentId: string): Promise<StoredAgentState | undefined> {
    return this.#inner.get(this.#prefix + agentId);
  }

  put(
    agentId: string,
    state: unknown,
    expectedVersion: number,
    applied?: readonly AppliedMessage[],
  ): Promise<number> {
    return this.#inner.put(this.#prefix + agentId, state, expectedVersion, applied);
  }

  async list(agentTypes: readonly string[]): Promise<AgentStateEntry[]> {
    const entries = await this.#inner.list(agentTypes.map((type) => this.#prefix + type));
    return entries.map((entry) => ({ ...entry, agentId: entry.agentId.slice(this.#prefix.length) }));
  }

  delete(agentId: string): Promise<void> {
    return this.#inner.delete(this.#prefix + agentId);
  }
}
