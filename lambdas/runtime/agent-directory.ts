import type { Agent, AgentFactory } from './agent.js';
import type { AgentDefinition } from './agent-definition.js';
import type { AgentId } from './agent-id.js';
import type { AgentRuntime } from './agent-runtime.js';
import { AgentType } from './agent-type.js';
import { RoutedAgent } from './routed-agent.js';
import { AgentConstructionError, AgentTypeExistsError, UnknownAgentTypeError } from './runtime-error.js';

/**
 * Registered agent types and their live instances, created lazily per key. `Entry` is what the runtime
 * keeps per instance (the agent plus its mailbox, in the in-process runtime).
 */
export class AgentDirectory<Entry extends { readonly agent: Agent }> {
  readonly #factories = new Map<string, AgentFactory>();
  /** type → key → entry; nested maps avoid building a `type/key` string per message. */
  readonly #instances = new Map<string, Map<string, Entry>>();
  readonly #runtime: AgentRuntime;
  readonly #wrap: (agent: Agent) => Entry;

  constructor(runtime: AgentRuntime, wrap: (agent: Agent) => Entry) {
    this.#runtime = runtime;
    this.#wrap = wrap;
  }

  register(type: string, agent: AgentDefinition<unknown> | AgentFactory): AgentType {
    const agentType = new AgentType(type);
    if (this.#factories.has(type) || this.#instances.has(type)) throw new AgentTypeExistsError(type);
    const factory: AgentFactory = typeof agent === 'function' ? agent : (id) => new RoutedAgent(id, agent);
    this.#factories.set(type, factory);
    this.#instances.set(type, new Map());
    return agentType;
  }

  /** Registers one ready-made instance under its own id (AutoGen's `register_agent_instance`). */
  registerInstance(agent: Agent): AgentId {
    const { type, key } = agent.id;
    if (this.#factories.has(type)) throw new AgentTypeExistsError(type);
    let byKey = this.#instances.get(type);
    if (byKey === undefined) {
      byKey = new Map();
      this.#instances.set(type, byKey);
    }
    if (byKey.has(key)) throw new AgentTypeExistsError(agent.id.toString());
    byKey.set(key, this.#wrap(agent));
    return agent.id;
  }

  isRegistered(type: string): boolean {
    return this.#instances.has(type);
  }

  /**
   * The entry for `id`, created on first use; throws {@link UnknownAgentTypeError}, or
   * {@link AgentConstructionError} when the factory throws (nothing is kept: the next message tries again).
   */
  get(id: AgentId): Entry {
    const byKey = this.#instances.get(id.type);
    if (byKey === undefined) throw new UnknownAgentTypeError(id.type);
    let entry = byKey.get(id.key);
    if (entry === undefined) {
      const factory = this.#factories.get(id.type);
      if (factory === undefined) throw new UnknownAgentTypeError(id.toString());
      entry = this.#wrap(this.#construct(factory, id));
      byKey.set(id.key, entry);
    }
    return entry;
  }

  /**
   * A new instance for `id` that the directory does not keep. The AWS runtime builds one per delivery from the
   * stored state: a warm Lambda container must not accumulate one instance per key it ever served.
   * Throws {@link UnknownAgentTypeError} for a type registered without a factory (or not at all).
   */
  create(id: AgentId): Agent {
    const factory = this.#factories.get(id.type);
    if (factory === undefined) throw new UnknownAgentTypeError(id.type);
    return this.#construct(factory, id);
  }

  /** A factory that throws is reported as this instance failing to construct, not as a routing problem. */
  #construct(factory: AgentFactory, id: AgentId): Agent {
    try {
      return factory(id, this.#runtime);
    } catch (error) {
      throw new AgentConstructionError(id.toString(), error);
    }
  }

  /** Instantiated agents only; registering a type creates none. */
  *entries(): IterableIterator<Entry> {
    for (const byKey of this.#instances.values()) yield* byKey.values();
  }

  /** For tests and tooling: the ids instantiated so far, as `type/key`. */
  instantiated(): string[] {
    return [...this.entries()].map((entry) => entry.agent.id.toString());
  }
}
