import { randomUUID } from 'node:crypto';
import { isAgentbridgeError } from '../contracts/agentbridge-error.js';
import { consoleLogger, type Logger } from '../contracts/logger.js';
import type { MessageType } from '../contracts/message-type.js';
import { NEVER_ABORTED, raceAbort } from './abort.js';
import type { Agent, AgentFactory } from './agent.js';
import type { AgentDefinition } from './agent-definition.js';
import { AgentDirectory } from './agent-directory.js';
import { AgentId } from './agent-id.js';
import type { AgentRuntime, RegisterOptions, RuntimeState } from './agent-runtime.js';
import type { AgentType } from './agent-type.js';
import { ContextHost, DeliveryContext } from './delivery-context.js';
import { directMessageSubscription } from './direct-message-subscription.js';
import { isTopicType } from './identifiers.js';
import { DropMessage, type InterventionHandler, intervene, MessageDroppedError } from './intervention.js';
import type { Delivery } from './mailbox.js';
import { Mailbox } from './mailbox.js';
import { MailboxScheduler } from './mailbox-scheduler.js';
import type { PublishOptions, SendOptions } from './message-context.js';
import { causationIdOf, correlationIdOf } from './message-lineage.js';
import { isCantHandleError, MessageCancelledError } from './runtime-error.js';
import type { Subscription } from './subscription.js';
import { SubscriptionRegistry } from './subscription-registry.js';
import type { TopicId } from './topic-id.js';
import { TypeSubscription } from './type-subscription.js';
import { fromWire, toWire, wireReply } from './wire-copy.js';

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
  readonly #logger: Logger;
  readonly #agents = new AgentDirectory<Mailbox>(this, (agent) => new Mailbox(agent));
  readonly #subscriptions = new SubscriptionRegistry();
  /** Publish deliveries not yet started; drained in one microtask per batch. */
  #pending: Delivery[] = [];
  #drainScheduled = false;
  /** Deliveries queued or running; `waitUntilIdle` resolves when it returns to zero. */
  #outstanding = 0;
  #idleWaiters: Array<() => void> = [];
  readonly #scheduler = new MailboxScheduler({
    settled: () => this.#settled(),
    publishFailed: (error, ctx) => this.#reportPublishError(error, ctx),
  });

  readonly #interventions: readonly InterventionHandler[];

  constructor(options: InProcessRuntimeOptions = {}) {
    super();
    this.#logger = options.logger ?? consoleLogger;
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
    if (this.#interventions.length === 0) return this.#sendNow(caller, type, message, recipient, options);
    return this.#track(async () => {
      const sender = options?.sender ?? caller?.recipient;
      const seen = { messageType: type.name, sender, topic: undefined };
      const passed = await intervene(
        this.#interventions,
        message,
        (handler) => handler.onSend && ((msg) => handler.onSend?.(msg, seen, recipient)),
      );
      if (passed === DropMessage) throw new MessageDroppedError(type.name, 'message');
      const reply = await this.#sendNow(caller, type, passed as T, recipient, options);
      const answered = await intervene(
        this.#interventions,
        reply,
        (handler) => handler.onResponse && ((msg) => handler.onResponse?.(msg, recipient, sender)),
      );
      if (answered === DropMessage) throw new MessageDroppedError(type.name, 'reply');
      return answered as R;
    });
  }

  #sendNow<T, R>(
    caller: DeliveryContext | undefined,
    type: MessageType<string, T, R>,
    message: T,
    recipient: AgentId,
    options: SendOptions | undefined,
  ): Promise<R> {
    const signal = options?.signal ?? caller?.signal ?? NEVER_ABORTED;
    // AutoGen delivers a message whose token is already cancelled; here it never starts.
    if (signal.aborted) return Promise.reject(new MessageCancelledError(type.name, { cause: signal.reason }));
    let mailbox: Mailbox;
    let data: T;
    try {
      data = fromWire(type, toWire(type, message));
      mailbox = this.#agents.get(recipient);
    } catch (error) {
      return Promise.reject(error);
    }
    const messageId = options?.messageId ?? randomUUID();
    const ctx = new DeliveryContext(
      this,
      mailbox,
      recipient,
      options?.sender ?? caller?.recipient,
      undefined,
      true,
      type.name,
      messageId,
      correlationIdOf(messageId, options, caller),
      causationIdOf(messageId, options, caller),
      signal,
      caller,
    );
    this.#outstanding++;
    const reply = new Promise<R>((resolve, reject) =>
      this.#scheduler.dispatch({
        mailbox,
        message: data,
        ctx,
        resolve: (value) => {
          try {
            resolve(wireReply(type, value));
          } catch (error) {
            reject(error);
          }
        },
        reject,
      }),
    );
    return signal === NEVER_ABORTED ? reply : raceAbort(reply, signal, type.name);
  }

  publishFrom<T>(
    caller: DeliveryContext | undefined,
    type: MessageType<string, T, unknown>,
    message: T,
    topic: TopicId,
    options: PublishOptions | undefined,
  ): Promise<void> {
    if (this.#interventions.length === 0) return this.#publishNow(caller, type, message, topic, options);
    return this.#track(async () => {
      const seen = { messageType: type.name, sender: options?.sender ?? caller?.recipient, topic };
      const passed = await intervene(
        this.#interventions,
        message,
        (handler) => handler.onPublish && ((msg) => handler.onPublish?.(msg, seen)),
      );
      if (passed !== DropMessage) await this.#publishNow(caller, type, passed as T, topic, options);
    });
  }

  /** Counts intervened work as outstanding, so `waitUntilIdle` waits for a message still being looked at. */
  async #track<T>(work: () => Promise<T>): Promise<T> {
    this.#outstanding++;
    try {
      return await work();
    } finally {
      this.#settled();
    }
  }

  #publishNow<T>(
    caller: DeliveryContext | undefined,
    type: MessageType<string, T, unknown>,
    message: T,
    topic: TopicId,
    options: PublishOptions | undefined,
  ): Promise<void> {
    const signal = options?.signal ?? caller?.signal ?? NEVER_ABORTED;
    if (signal.aborted) return Promise.reject(new MessageCancelledError(type.name, { cause: signal.reason }));
    const sender = options?.sender ?? caller?.recipient;
    const messageId = options?.messageId ?? randomUUID();
    const correlationId = correlationIdOf(messageId, options, caller);
    const causationId = causationIdOf(messageId, options, caller);
    let json: string | undefined;
    try {
      json = toWire(type, message);
    } catch (error) {
      return Promise.reject(error);
    }
    for (const recipient of this.#subscriptions.recipients(topic)) {
      // A publisher never receives its own message; other keys of its type do.
      if (sender !== undefined && recipient.equals(sender)) continue;
      let mailbox: Mailbox;
      try {
        mailbox = this.#agents.get(recipient);
      } catch (error) {
        const details = { recipient: recipient.toString(), messageType: type.name, messageId, error };
        if (isAgentbridgeError(error, 'AGENT_CONSTRUCTION_FAILED'))
          this.#logger.error('Agent could not be constructed', details);
        else this.#logger.warn('Subscription names an unregistered agent type', details);
        continue;
      }
      const ctx = new DeliveryContext(
        this,
        mailbox,
        recipient,
        sender,
        topic,
        false,
        type.name,
        messageId,
        correlationId,
        causationId,
        signal,
        undefined,
      );
      // Each subscriber gets its own copy, as each function on AWS parses its own event; one its schema
      // refuses fails that delivery (on AWS: the function's dead-letter record), not the publish.
      let data: T;
      try {
        data = fromWire(type, json);
      } catch (error) {
        this.#reportPublishError(error, ctx);
        continue;
      }
      this.#outstanding++;
      this.#pending.push({ mailbox, message: data, ctx, resolve: undefined, reject: undefined });
    }
    if (this.#pending.length > 0 && !this.#drainScheduled) {
      this.#drainScheduled = true;
      queueMicrotask(this.#drain);
    }
    return Promise.resolve();
  }

  /** Resolves once no delivery is queued or running: the cascade a publish started has finished. */
  waitUntilIdle(): Promise<void> {
    if (this.#outstanding === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
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

  readonly #drain = (): void => {
    this.#drainScheduled = false;
    // Deliveries queued while draining are picked up by this same loop: no recursion.
    for (let i = 0; i < this.#pending.length; i++) {
      const delivery = this.#pending[i];
      if (delivery !== undefined) this.#scheduler.dispatch(delivery);
    }
    this.#pending = [];
  };

  readonly #settled = (): void => {
    if (--this.#outstanding === 0) this.#notifyIdle();
  };

  #notifyIdle(): void {
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  #reportPublishError(error: unknown, ctx: DeliveryContext): void {
    const details = {
      recipient: ctx.recipient.toString(),
      messageType: ctx.messageType,
      messageId: ctx.messageId,
    };
    if (isCantHandleError(error)) this.#logger.warn('Unhandled published message', details);
    else this.#logger.error('Handler failed on a published message', { ...details, error });
  }
}
