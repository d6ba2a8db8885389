import type { MessageType } from '../contracts/message-type.js';
import type { AgentFactory } from './agent.js';
import type { AgentDefinition } from './agent-definition.js';
import type { AgentId } from './agent-id.js';
import type { AgentType } from './agent-type.js';
import type { PublishOptions, SendOptions } from './message-context.js';
import type { Subscription } from './subscription.js';
import type { TopicId } from './topic-id.js';

/** Options of `register` (AutoGen's `BaseAgent.register` keywords). */
export interface RegisterOptions {
  /**
   * Registering a type also subscribes it to the topic type prefix `"<type>:"`, so a publish to
   * `TopicId('<type>:anything', key)` reaches `AgentId(type, key)` (AutoGen's direct-message subscription).
   * Set this to register without it.
   */
  readonly skipDirectMessageSubscription?: boolean;
}

/** `{ "type/key": state }` for every instantiated agent that has state. */
export type RuntimeState = Record<string, unknown>;

/**
 * The runtime agents live in (AutoGen's `AgentRuntime`). Two implementations: the in-process runtime
 * (tests, demos, benchmarks) and the AWS runtime (EventBridge for publish, Lambda invoke for send).
 *
 * @example
 * ```ts
 * await runtime.register('greeter', Greeter);
 * await runtime.addSubscription(new TypeSubscription('greetings', 'greeter'));
 * const reply = await runtime.send(Greet, { name: 'Ada' }, new AgentId('greeter', 'default'));
 * await runtime.publish(Greet, { name: 'Bob' }, new TopicId('greetings', 'default'));
 * ```
 */
export interface AgentRuntime {
  /**
   * Registers an agent type; instances are created lazily, one per key, from the definition or factory. Also
   * subscribes the type to its direct-message prefix `"<type>:"` unless `skipDirectMessageSubscription`.
   */
  register(
    type: string,
    agent: AgentDefinition<unknown> | AgentFactory,
    options?: RegisterOptions,
  ): Promise<AgentType>;
  addSubscription(subscription: Subscription): Promise<void>;
  removeSubscription(id: string): Promise<void>;
  /** Request/response to one agent; resolves with the handler's return value. */
  send<T, R>(
    type: MessageType<string, T, R>,
    message: NoInfer<T>,
    recipient: AgentId,
    options?: SendOptions,
  ): Promise<R>;
  /** Fan-out to every subscriber of the topic; resolves once the message is accepted, not handled. */
  publish<T>(
    type: MessageType<string, T, unknown>,
    message: NoInfer<T>,
    topic: TopicId,
    options?: PublishOptions,
  ): Promise<void>;
  saveState(): Promise<RuntimeState>;
  /** Restores saved state; entries whose agent type is not registered are skipped. */
  loadState(state: RuntimeState): Promise<void>;
  agentSaveState(id: AgentId): Promise<unknown>;
  agentLoadState(id: AgentId, state: unknown): Promise<void>;
}
