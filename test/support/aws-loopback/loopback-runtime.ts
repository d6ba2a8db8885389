import type { MessageType } from '../../../lambdas/contracts/message-type.js';
import type { AgentFactory } from '../../../lambdas/runtime/agent.js';
import type { AgentDefinition } from '../../../lambdas/runtime/agent-definition.js';
import type { AgentId } from '../../../lambdas/runtime/agent-id.js';
import type { AgentRuntime, RegisterOptions, RuntimeState } from '../../../lambdas/runtime/agent-runtime.js';
import { AgentType } from '../../../lambdas/runtime/agent-type.js';
import type { AwsRuntime } from '../../../lambdas/runtime/aws/aws-runtime.js';
import { directMessageSubscription } from '../../../lambdas/runtime/direct-message-subscription.js';
import { compileEventPattern } from '../../../lambdas/runtime/event-pattern/compile-event-pattern.js';
import type { PublishOptions, SendOptions } from '../../../lambdas/runtime/message-context.js';
import { UnknownAgentTypeError } from '../../../lambdas/runtime/runtime-error.js';
import type { Subscription } from '../../../lambdas/runtime/subscription.js';
import { subscriptionEventPattern } from '../../../lambdas/runtime/subscription-event-pattern.js';
import { SubscriptionRegistry } from '../../../lambdas/runtime/subscription-registry.js';
import type { TopicId } from '../../../lambdas/runtime/topic-id.js';
import type { LoopbackCloud } from './loopback-cloud.js';
import { createLoopbackFunction, type LoopbackFunction, type LoopbackShared } from './loopback-function.js';

/**
 * The conformance suite's view of a whole deployment: `register` deploys an agent function (an AwsRuntime
 * hosting the type behind its middy handler), `addSubscription` adds the subscription to that function and
 * deploys its rule, and `send`/`publish` go through a client AwsRuntime, as another service's code would.
 */
export class LoopbackRuntime implements AgentRuntime {
  readonly #cloud: LoopbackCloud;
  readonly #shared: LoopbackShared;
  readonly #client: AwsRuntime;
  readonly #byType = new Map<string, LoopbackFunction>();
  /** Every subscription, including those of types not deployed yet (as the in-process runtime allows). */
  readonly #subscriptions = new SubscriptionRegistry();

  constructor(cloud: LoopbackCloud, shared: LoopbackShared, client: AwsRuntime) {
    this.#cloud = cloud;
    this.#shared = shared;
    this.#client = client;
  }

  async register(
    type: string,
    agent: AgentDefinition<unknown> | AgentFactory,
    options?: RegisterOptions,
  ): Promise<AgentType> {
    const agentType = new AgentType(type);
    if (typeof agent === 'function')
      throw new TypeError('The loopback deploys agent definitions, not factories');
    const fn = createLoopbackFunction(type, agent, this.#shared, options);
    // The function hosts its direct-message prefix; its rule is deployed like any other subscription's.
    if (options?.skipDirectMessageSubscription !== true) {
      fn.rules.push(
        compileEventPattern(JSON.stringify(subscriptionEventPattern(directMessageSubscription(type)))),
      );
    }
    for (const subscription of this.#subscriptions.list()) {
      if (subscription.agentType === type) await this.#deploy(fn, subscription);
    }
    this.#byType.set(type, fn);
    this.#cloud.add(fn);
    this.#shared.agentFunctions.set(type, fn.name);
    return agentType;
  }

  async addSubscription(subscription: Subscription): Promise<void> {
    this.#subscriptions.add(subscription);
    const fn = this.#byType.get(subscription.agentType);
    if (fn !== undefined) await this.#deploy(fn, subscription);
  }

  async removeSubscription(id: string): Promise<void> {
    const subscription = this.#subscriptions.list().find((candidate) => candidate.id === id);
    this.#subscriptions.remove(id);
    if (subscription !== undefined)
      await this.#byType.get(subscription.agentType)?.runtime.removeSubscription(id);
  }

  send<T, R>(
    type: MessageType<string, T, R>,
    message: T,
    recipient: AgentId,
    options?: SendOptions,
  ): Promise<R> {
    return this.#client.send(type, message, recipient, options);
  }

  publish<T>(
    type: MessageType<string, T, unknown>,
    message: T,
    topic: TopicId,
    options?: PublishOptions,
  ): Promise<void> {
    return this.#client.publish(type, message, topic, options);
  }

  async saveState(): Promise<RuntimeState> {
    const saved: RuntimeState = {};
    for (const fn of this.#byType.values()) Object.assign(saved, await fn.runtime.saveState());
    return saved;
  }

  async loadState(state: RuntimeState): Promise<void> {
    for (const fn of this.#byType.values()) await fn.runtime.loadState(state);
  }

  agentSaveState(id: AgentId): Promise<unknown> {
    return this.#function(id).runtime.agentSaveState(id);
  }

  agentLoadState(id: AgentId, state: unknown): Promise<void> {
    return this.#function(id).runtime.agentLoadState(id, state);
  }

  async #deploy(fn: LoopbackFunction, subscription: Subscription): Promise<void> {
    await fn.runtime.addSubscription(subscription);
    // The same compiled pattern the CDK stack deploys, matched by the local EventBridge's full matcher.
    fn.rules.push(compileEventPattern(JSON.stringify(subscriptionEventPattern(subscription))));
  }

  #function(id: AgentId): LoopbackFunction {
    const fn = this.#byType.get(id.type);
    if (fn === undefined) throw new UnknownAgentTypeError(id.type);
    return fn;
  }
}
