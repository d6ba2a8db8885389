import type { Logger } from '../../contracts/logger.js';
import type { AgentStateStore } from '../../stores/agent-state/agent-state-store.js';
import type { Agent, AgentFactory } from '../agent.js';
import type { AgentDefinition } from '../agent-definition.js';
import { AgentDirectory } from '../agent-directory.js';
import { AgentId } from '../agent-id.js';
import type { AgentRuntime, RuntimeState } from '../agent-runtime.js';
import type { AgentType } from '../agent-type.js';
import { type ContextHost, DeliveryContext } from '../delivery-context.js';
import { runAsHandlerOf } from '../message-handler-context.js';
import { isCantHandleError, UnknownAgentTypeError } from '../runtime-error.js';
import { SubscriptionRegistry } from '../subscription-registry.js';
import type { TopicId } from '../topic-id.js';
import { type AppliedOutcome, applyOnce } from './apply-once.js';
import { StateStoreMissingError } from './aws-runtime-error.js';
import type {
  DispatchResult,
  InboundDelivery,
  PublishDelivery,
  PublishOutcome,
  SendDelivery,
  SendOutcome,
} from './inbound-delivery.js';

export interface AgentHostOptions {
  readonly runtime: AgentRuntime & ContextHost;
  readonly stateStore: AgentStateStore | undefined;
  readonly logger: Logger;
  readonly onAgentCreated: ((id: AgentId) => void) | undefined;
}

/**
 * The agents one Lambda function hosts. Lambda is stateless, so every delivery builds the agent afresh from
 * the state store, runs the handler, and writes the state back together with the message's id (and an rpc's
 * reply) in one write conditioned on the version it read ({@link applyOnce}): the state item is the dedup
 * record, so a redelivery is answered from it without running the handler, and two deliveries racing on one
 * agent cannot both win (the loser reruns on the newer state). A handler that throws leaves the stored state
 * untouched. Agent types defined without `state` touch no store at all.
 */
export class AgentHost {
  readonly subscriptions = new SubscriptionRegistry();
  readonly #directory: AgentDirectory<{ readonly agent: Agent }>;
  readonly #types: string[] = [];
  /** Types defined without a `state` initializer: their deliveries read and write no state at all. */
  readonly #stateless = new Set<string>();
  readonly #options: AgentHostOptions;

  constructor(options: AgentHostOptions) {
    this.#options = options;
    this.#directory = new AgentDirectory(options.runtime, (agent) => ({ agent }));
  }

  register(type: string, agent: AgentDefinition<unknown> | AgentFactory): AgentType {
    const registered = this.#directory.register(type, agent);
    this.#types.push(type);
    if (typeof agent !== 'function' && agent.initialState === undefined) this.#stateless.add(type);
    return registered;
  }

  isHosted(type: string): boolean {
    return this.#directory.isRegistered(type);
  }

  dispatch(delivery: InboundDelivery): Promise<DispatchResult> {
    return delivery.kind === 'send' ? this.dispatchSend(delivery) : this.dispatchPublish(delivery);
  }

  async dispatchSend(delivery: SendDelivery): Promise<SendOutcome> {
    if (!this.isHosted(delivery.recipient.type)) throw new UnknownAgentTypeError(delivery.recipient.type);
    const { result, duplicate } = await this.#deliver(delivery.recipient, delivery, undefined);
    return duplicate ? { kind: 'send', result, duplicate } : { kind: 'send', result };
  }

  async dispatchPublish(delivery: PublishDelivery): Promise<PublishOutcome> {
    // Rules stay deployed after removeSubscription, so an event may arrive that no subscription maps here
    // any more: it gets no recipient and is acknowledged. A publisher never receives its own message.
    const recipients = this.subscriptions
      .recipients(delivery.topic)
      .filter((id) => this.isHosted(id.type) && !id.equals(delivery.sender));
    const [only] = recipients;
    if (recipients.length === 1 && only !== undefined) return this.#deliverOne(only, delivery);
    const outcomes = await Promise.allSettled(
      recipients.map((id) => this.#deliver(id, delivery, delivery.topic)),
    );
    const delivered: string[] = [];
    const unhandled: string[] = [];
    const duplicates: string[] = [];
    let failure: { reason: unknown } | undefined;
    outcomes.forEach((outcome, index) => {
      const recipient = String(recipients[index]);
      if (outcome.status === 'fulfilled') {
        delivered.push(recipient);
        if (outcome.value.duplicate) duplicates.push(recipient);
      } else if (isCantHandleError(outcome.reason)) {
        unhandled.push(recipient);
        this.#warnUnhandled(recipient, delivery);
      } else failure ??= { reason: outcome.reason };
    });
    if (failure !== undefined) throw failure.reason;
    return published(delivered, unhandled, duplicates);
  }

  /** The common case (a function hosting one agent type): no settling of a list. */
  async #deliverOne(id: AgentId, delivery: PublishDelivery): Promise<PublishOutcome> {
    try {
      const { duplicate } = await this.#deliver(id, delivery, delivery.topic);
      return published([id.toString()], [], duplicate ? [id.toString()] : []);
    } catch (error) {
      if (!isCantHandleError(error)) throw error;
      this.#warnUnhandled(id.toString(), delivery);
      return { kind: 'publish', delivered: [], unhandled: [id.toString()] };
    }
  }

  #warnUnhandled(recipient: string, delivery: PublishDelivery): void {
    this.#options.logger.warn('Unhandled published message', {
      recipient,
      messageType: delivery.metadata.type,
      messageId: delivery.metadata.id,
    });
  }

  async saveState(): Promise<RuntimeState> {
    const saved: RuntimeState = {};
    if (this.#types.length === 0) return saved;
    for (const entry of await this.#store('saveState').list(this.#types)) saved[entry.agentId] = entry.state;
    return saved;
  }

  async loadState(state: RuntimeState): Promise<void> {
    for (const [id, agentState] of Object.entries(state)) {
      const agentId = AgentId.fromString(id);
      if (this.isHosted(agentId.type)) await this.agentLoadState(agentId, agentState);
    }
  }

  async agentSaveState(id: AgentId): Promise<unknown> {
    this.#assertHosted(id);
    return (await this.#store('agentSaveState').get(id.toString()))?.state;
  }

  /**
   * Overwrites whatever state is stored (loading state is a restore, not a concurrent update). The
   * applied-message log is kept: a message applied before the restore is still not applied again.
   */
  async agentLoadState(id: AgentId, state: unknown): Promise<void> {
    this.#assertHosted(id);
    const store = this.#store('agentLoadState');
    const current = await store.get(id.toString());
    await store.put(id.toString(), state, current?.version ?? 0, current?.applied ?? []);
  }

  async #deliver(
    id: AgentId,
    delivery: InboundDelivery,
    topic: TopicId | undefined,
  ): Promise<AppliedOutcome> {
    if (this.#stateless.has(id.type)) {
      const agent = this.#create(id);
      return {
        result: await this.#handle(id, agent, delivery, topic),
        duplicate: false,
      };
    }
    return applyOnce({
      store: this.#store('dispatch'),
      agentId: id.toString(),
      messageId: delivery.metadata.id,
      kind: delivery.kind === 'send' ? 'rpc' : 'event',
      run: async (stored) => {
        const agent = this.#create(id);
        if (stored !== undefined) agent.loadState?.(stored.state);
        const result = await this.#handle(id, agent, delivery, topic);
        return { result, next: agent.saveState?.() };
      },
    });
  }

  #handle(id: AgentId, agent: Agent, delivery: InboundDelivery, topic: TopicId | undefined): unknown {
    const ctx = this.#context(id, agent, delivery, topic);
    return runAsHandlerOf(id, () => agent.onMessage(delivery.data, ctx));
  }

  #create(id: AgentId): Agent {
    const agent = this.#directory.create(id);
    this.#options.onAgentCreated?.(id);
    return agent;
  }

  #context(
    id: AgentId,
    agent: Agent,
    delivery: InboundDelivery,
    topic: TopicId | undefined,
  ): DeliveryContext {
    const { metadata } = delivery;
    return new DeliveryContext(
      this.#options.runtime,
      agent,
      id,
      delivery.sender,
      topic,
      delivery.kind === 'send',
      metadata.type,
      metadata.id,
      metadata.correlationId,
      metadata.causationId,
      delivery.signal,
      undefined,
    );
  }

  #assertHosted(id: AgentId): void {
    if (!this.isHosted(id.type)) throw new UnknownAgentTypeError(id.type);
  }

  #store(operation: string): AgentStateStore {
    if (this.#options.stateStore === undefined) throw new StateStoreMissingError(operation);
    return this.#options.stateStore;
  }
}

/** A publish outcome; `duplicates` only when some recipient had already applied the message. */
const published = (delivered: string[], unhandled: string[], duplicates: string[]): PublishOutcome =>
  duplicates.length === 0
    ? { kind: 'publish', delivered, unhandled }
    : { kind: 'publish', delivered, unhandled, duplicates };
