import { consoleLogger, type Logger } from '../contracts/logger.js';
import type { MessageType } from '../contracts/message-type.js';
import type { Agent, AgentFactory } from './agent.js';
import type { AgentDefinition } from './agent-definition.js';
import { AgentDirectory } from './agent-directory.js';
import { AgentId } from './agent-id.js';
import type { AgentRuntime, RegisterOptions, RuntimeState } from './agent-runtime.js';
import type { AgentType } from './agent-type.js';
import { ContextHost, type DeliveryContext } from './delivery-context.js';
import { directMessageSubscription } from './direct-message-subscription.js';
import { isTopicType } from './identifiers.js';
import { InProcessDelivery } from './in-process-delivery.js';
import { publishThroughInterventions, sendThroughInterventions } from './intervened-calls.js';
import type { InterventionHandler } from './intervention.js';
import { Mailbox } from './mailbox.js';
import type { PublishOptions, SendOptions } from './message-context.js';
import type { Subscription } from './subscription.js';
import { SubscriptionRegistry } from './subscription-registry.js';
import type { TopicId } from './topic-id.js';
import { TypeSubscription } from './type-subscription.js';

export interface InProcessRuntimeOptions {
  /** Receives unhandled publishes (warn) and handler errors on publish (error). */
  logger?: Logger;
  /** See every send, publish and reply before it is delivered: pass, transform or drop it (in this order). */
  interventions?: readonly InterventionHandler[];
}

/**
 * Every agent in one process (AutoGen's `SingleThreadedAgentRuntime`): the embedded runtime for tests,
 * demos and benchmarks. `send` calls the handler directly; `publish` queues one delivery per subscriber
 * and returns, and the queue drains on the microtask queue, so cascades never grow the stack.
 *
 * @example
 * ```ts
 * const runtime = new InProcessRuntime();
 * await runtime.register('greeter', Greeter);
 * await runtime.send(Greet, { name: 'Ada' }, new AgentId('greeter', 'default'));
 * await runtime.waitUntilIdle();
 * ```
 */
export class InProcessRuntime extends ContextHost implements AgentRuntime {
  readonly #agents = new AgentDirectory<Mailbox>(this, (agent) => new Mailbox(agent));
  readonly #subscriptions = new SubscriptionRegistry();
  readonly #delivery: InProcessDelivery;
  readonly #interventions: readonly InterventionHandler[];

  constructor(options: InProcessRuntimeOptions = {}) {
    super();
    this.#delivery = new InProcessDelivery({
      host: this,
      agents: this.#agents,
      subscriptions: this.#subscriptions,
      logger: options.logger ?? consoleLogger,
    });
    this.#interventions = options.interventions ?? [];
  }

  async register(
    type: string,
    agent: AgentDefinition<unknown> | AgentFactory,
    options?: RegisterOptions,
  ): Promise<AgentType> {
    const registered = this.#agents.register(type, agent);
    if (options?.skipDirectMessageSubscription !== true) {
      this.#subscriptions.add(directMessageSubscription(type));
    }
    return registered;
  }

  /**
   * Registers one ready-made instance under its own id (AutoGen's `BaseAgent.register_instance`): it is also
   * subscribed to the topic type equal to its key (when the key is a valid topic type; a key such as `eu/42`
   * can never be one) and, unless skipped, to its type's direct-message prefix, shared by every instance of
   * the type.
   */
  async registerInstance(agent: Agent, options?: RegisterOptions): Promise<AgentId> {
    const id = this.#agents.registerInstance(agent);
    if (isTopicType(id.key)) this.#subscriptions.add(new TypeSubscription(id.key, id.type));
    const direct = directMessageSubscription(id.type);
    if (options?.skipDirectMessageSubscription !== true && !this.#subscriptions.has(direct)) {
      this.#subscriptions.add(direct);
    }
    return id;
  }

  async addSubscription(subscription: Subscription): Promise<void> {
    this.#subscriptions.add(subscription);
  }

  async removeSubscription(id: string): Promise<void> {
    this.#subscriptions.remove(id);
  }

  sendFrom<T, R>(
    caller: DeliveryContext | undefined,
    type: MessageType<string, T, R>,
    message: T,
    recipient: AgentId,
    options: SendOptions | undefined,
  ): Promise<R> {
    if (this.#interventions.length === 0)
      return this.#delivery.send(caller, type, message, recipient, options);
    const sender = options?.sender ?? caller?.recipient;
    return this.#delivery.track(() =>
      sendThroughInterventions(this.#interventions, type, message, recipient, sender, (passed) =>
        this.#delivery.send(caller, type, passed, recipient, options),
      ),
    );
  }

  publishFrom<T>(
    caller: DeliveryContext | undefined,
    type: MessageType<string, T, unknown>,
    message: T,
    topic: TopicId,
    options: PublishOptions | undefined,
  ): Promise<void> {
    if (this.#interventions.length === 0)
      return this.#delivery.publish(caller, type, message, topic, options);
    const sender = options?.sender ?? caller?.recipient;
    return this.#delivery.track(() =>
      publishThroughInterventions(this.#interventions, type, message, topic, sender, (passed) =>
        this.#delivery.publish(caller, type, passed, topic, options),
      ),
    );
  }

  /** Resolves once no delivery is queued or running: the cascade a publish started has finished. */
  waitUntilIdle(): Promise<void> {
    return this.#delivery.waitUntilIdle();
  }

  /** For tests and tooling: the ids instantiated so far, as `type/key`. */
  instantiated(): string[] {
    return this.#agents.instantiated();
  }

  async saveState(): Promise<RuntimeState> {
    const saved: RuntimeState = {};
    for (const { agent } of this.#agents.entries()) {
      const state = agent.saveState?.();
      if (state !== undefined) saved[agent.id.toString()] = state;
    }
    return saved;
  }

  async loadState(state: RuntimeState): Promise<void> {
    for (const [id, agentState] of Object.entries(state)) {
      const agentId = AgentId.fromString(id);
      if (!this.#agents.isRegistered(agentId.type)) continue;
      this.#agents.get(agentId).agent.loadState?.(agentState);
    }
  }

  async agentSaveState(id: AgentId): Promise<unknown> {
    return this.#agents.get(id).agent.saveState?.();
  }

  async agentLoadState(id: AgentId, state: unknown): Promise<void> {
    this.#agents.get(id).agent.loadState?.(state);
  }
}
