import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { consoleLogger, type Logger } from '../../contracts/logger.js';
import type { MessageType } from '../../contracts/message-type.js';
import type { AgentStateStore } from '../../stores/agent-state/agent-state-store.js';
import { NEVER_ABORTED } from '../abort.js';
import type { AgentFactory } from '../agent.js';
import type { AgentDefinition } from '../agent-definition.js';
import type { AgentId } from '../agent-id.js';
import type { AgentRuntime, RegisterOptions, RuntimeState } from '../agent-runtime.js';
import type { AgentType } from '../agent-type.js';
import { ContextHost, type DeliveryContext } from '../delivery-context.js';
import { directMessageSubscription } from '../direct-message-subscription.js';
import type { PublishOptions, SendOptions } from '../message-context.js';
import { MessageCancelledError, UnknownAgentTypeError } from '../runtime-error.js';
import type { Subscription } from '../subscription.js';
import type { TopicId } from '../topic-id.js';
import { wireReply } from '../wire-copy.js';
import { AgentHost } from './agent-host.js';
import { AgentInvoker } from './agent-invoker.js';
import type { AwsRuntimeConfig } from './aws-runtime-config.js';
import type { ClientSource } from './client-source.js';
import { type DeliveryCall, DeliveryCalls } from './delivery-calls.js';
import { EventPublisher, type EventPublisherOptions } from './event-publisher.js';
import type {
  DispatchResult,
  InboundDelivery,
  PublishDelivery,
  PublishOutcome,
  SendDelivery,
  SendOutcome,
} from './inbound-delivery.js';
import { type OutgoingEnvelope, outgoingEnvelopeEvent } from './outgoing-envelope.js';
import { type OutgoingMessage, outgoingEvent } from './outgoing-message.js';
import { outgoingMetadata } from './outgoing-metadata.js';

export interface AwsRuntimeOptions {
  readonly eventBridge: EventBridgeClient;
  /** The client of `send`; a factory builds it on the first `send` instead of at cold start. */
  readonly lambda: ClientSource<LambdaClient>;
  readonly config: AwsRuntimeConfig;
  /** Where hosted agents keep their state; required once the runtime hosts an agent type. */
  readonly stateStore?: AgentStateStore;
  readonly logger?: Logger;
  /** PutEvents retry policy (and, in tests, the sleep/random it uses). */
  readonly publisher?: EventPublisherOptions;
  /** Called with each agent instance built for a delivery: for tests and tooling. */
  readonly onAgentCreated?: (id: AgentId) => void;
}

/**
 * The {@link AgentRuntime} inside a Lambda function. `publish` is an EventBridge PutEvents (validated with the
 * message schema, batched within EventBridge's limits, failed entries resent); `send` is a RequestResponse
 * Invoke of the function hosting the recipient's type, with a timeout. The agent types registered here are the
 * ones this function hosts: the Lambda adapter hands each inbound event or invoke to {@link dispatch}, which
 * runs them against the state store. What a handler publishes or sends through its context gets a message id
 * derived from the delivery (see `outgoingMetadata`), so a retried delivery republishes under the same ids.
 *
 * @example
 * ```ts
 * const runtime = new AwsRuntime({ eventBridge, lambda, config: awsRuntimeConfigFromEnv(), stateStore });
 * await runtime.register('payment', Payment);
 * await runtime.publish(PaymentTaken, { orderId }, new TopicId('payment.taken', orderId));
 * ```
 */
export class AwsRuntime extends ContextHost implements AgentRuntime {
  readonly #config: AwsRuntimeConfig;
  readonly #publisher: EventPublisher;
  readonly #invoker: AgentInvoker;
  readonly #host: AgentHost;
  /** Numbers each delivery's publishes and sends: the stable part of their message ids. */
  readonly #calls = new DeliveryCalls();

  constructor(options: AwsRuntimeOptions) {
    super();
    this.#config = options.config;
    this.#publisher = new EventPublisher(options.eventBridge, options.publisher);
    this.#invoker = new AgentInvoker(options.lambda);
    this.#host = new AgentHost({
      runtime: this,
      stateStore: options.stateStore,
      logger: options.logger ?? consoleLogger,
      onAgentCreated: options.onAgentCreated,
    });
  }

  /** Hosts an agent type in this function (see {@link host}). */
  async register(
    type: string,
    agent: AgentDefinition<unknown> | AgentFactory,
    options?: RegisterOptions,
  ): Promise<AgentType> {
    return this.host(type, agent, [], options);
  }

  /**
   * Hosts an agent type and its subscriptions synchronously: what `agentHandler` does at module scope, so an
   * invalid type or a duplicate subscription fails the cold start instead of the first message. The type's
   * direct-message prefix `"<type>:"` joins the routing table unless skipped; the deployment brings those
   * events here with a rule compiled from the same subscription.
   */
  host(
    type: string,
    agent: AgentDefinition<unknown> | AgentFactory,
    subscriptions: readonly Subscription[],
    options?: RegisterOptions,
  ): AgentType {
    const registered = this.#host.register(type, agent);
    if (options?.skipDirectMessageSubscription !== true) {
      this.#host.subscriptions.add(directMessageSubscription(type));
    }
    for (const subscription of subscriptions) this.#host.subscriptions.add(subscription);
    return registered;
  }

  isHosted(type: string): boolean {
    return this.#host.isHosted(type);
  }

  /**
   * Adds a subscription to the hosted routing table. The EventBridge rule that brings matching events to this
   * function is deployed by the CDK stack from the same subscription.
   */
  async addSubscription(subscription: Subscription): Promise<void> {
    this.#host.subscriptions.add(subscription);
  }

  /**
   * Stops delivering topics only this subscription matched. The deployed rule stays until the next deploy, so
   * its events still arrive; they map to no recipient and are acknowledged without running a handler.
   */
  async removeSubscription(id: string): Promise<void> {
    this.#host.subscriptions.remove(id);
  }

  subscriptions(): readonly Subscription[] {
    return this.#host.subscriptions.list();
  }

  async sendFrom<T, R>(
    caller: DeliveryContext | undefined,
    type: MessageType<string, T, R>,
    message: T,
    recipient: AgentId,
    options: SendOptions | undefined,
  ): Promise<R> {
    const call = this.#calls.next('send', caller);
    const signal = options?.signal ?? caller?.signal ?? NEVER_ABORTED;
    if (signal.aborted) throw new MessageCancelledError(type.name, { cause: signal.reason });
    const functionName = this.#config.agentFunctions.get(recipient.type);
    if (functionName === undefined) throw new UnknownAgentTypeError(recipient.type);
    const data = type.parse(message);
    const sender = options?.sender ?? caller?.recipient;
    const metadata = outgoingMetadata({
      messageType: type.name,
      topicType: recipient.type,
      topicSource: recipient.key,
      sender,
      options,
      caller,
      call,
      data,
    });
    const timeoutMs = this.#config.sendTimeoutMs;
    const request = { agentbridge: 'send' as const, recipient: recipient.toString(), metadata, data };
    const deadline = Date.now() + timeoutMs;
    return wireReply(
      type,
      await this.#invoker.invoke(functionName, { ...request, deadline }, signal, timeoutMs),
    );
  }

  async publishFrom<T>(
    caller: DeliveryContext | undefined,
    type: MessageType<string, T, unknown>,
    message: T,
    topic: TopicId,
    options: PublishOptions | undefined,
  ): Promise<void> {
    const call = this.#calls.next('publish', caller);
    await this.#putEvents([{ type, message, topic, options }], caller, call);
  }

  /**
   * Publishes many messages in as few PutEvents calls as EventBridge's limits allow. Resolves when every
   * event was accepted; otherwise rejects with `PublishFailedError` listing the events still rejected after
   * retries (the others were published).
   */
  publishBatch(messages: readonly OutgoingMessage[]): Promise<void> {
    return this.#putEvents(messages, undefined);
  }

  /**
   * Publishes envelopes built elsewhere, metadata (ids, time) kept as given: the outbox publisher's path for
   * stored events. Same batching, retries and `PublishFailedError` as `publishBatch`.
   */
  async publishEnvelopes(envelopes: readonly OutgoingEnvelope[]): Promise<void> {
    await this.#publisher.putEvents(
      envelopes.map((envelope) => outgoingEnvelopeEvent(envelope, this.#config)),
    );
  }

  async saveState(): Promise<RuntimeState> {
    return this.#host.saveState();
  }

  async loadState(state: RuntimeState): Promise<void> {
    await this.#host.loadState(state);
  }

  agentSaveState(id: AgentId): Promise<unknown> {
    return this.#host.agentSaveState(id);
  }

  agentLoadState(id: AgentId, state: unknown): Promise<void> {
    return this.#host.agentLoadState(id, state);
  }

  /** Runs one inbound delivery against the hosted agents; called by the Lambda adapter. */
  dispatch(delivery: SendDelivery): Promise<SendOutcome>;
  dispatch(delivery: PublishDelivery): Promise<PublishOutcome>;
  dispatch(delivery: InboundDelivery): Promise<DispatchResult>;
  dispatch(delivery: InboundDelivery): Promise<DispatchResult> {
    return this.#host.dispatch(delivery);
  }

  async #putEvents(
    messages: readonly OutgoingMessage[],
    caller: DeliveryContext | undefined,
    call?: DeliveryCall,
  ): Promise<void> {
    await this.#publisher.putEvents(
      messages.map((message) => outgoingEvent(message, caller, this.#config, call)),
    );
  }
}
