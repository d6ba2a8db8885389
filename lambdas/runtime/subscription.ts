import type { SenderRules } from '../contracts/senders.js';
import { AgentId } from './agent-id.js';
import { assertAgentType, assertTopicType } from './identifiers.js';
import { CantHandleError } from './runtime-error.js';
import type { TopicId } from './topic-id.js';

/**
 * Maps topics to agent instances (AutoGen's `Subscription`). The two kinds agentbridge deploys are
 * {@link TypeSubscription} (topic type equals) and {@link TypePrefixSubscription} (topic type starts
 * with); `kind` lets one function compile either to an EventBridge event pattern.
 */
export interface Subscription {
  readonly kind: 'type' | 'type-prefix';
  readonly id: string;
  /** The topic type (for `type`) or topic type prefix (for `type-prefix`). */
  readonly topicType: string;
  readonly agentType: string;
  /**
   * Who may send each message type this subscription consumes. When set, the compiled rule admits only those
   * message types from those senders, and the Lambda adapter rejects anything else that reaches the function;
   * when absent, any source of any account on the bus matches (the topic alone decides).
   */
  readonly senders?: SenderRules;
  isMatch(topic: TopicId): boolean;
  /** The agent a matching topic goes to; throws `CantHandleError` when the topic does not match. */
  mapToAgent(topic: TopicId): AgentId;
  /** AutoGen equality: the same id, or the same kind, topic type and agent type. */
  equals(other: Subscription): boolean;
}

/** The optional third argument of the subscription classes: a stable id, and who may send what. */
export interface SubscriptionOptions {
  readonly id?: string;
  readonly senders?: SenderRules;
}

/** Reads the third constructor argument, which is either an id (AutoGen's signature) or options. */
export const subscriptionOptions = (
  options: string | SubscriptionOptions | undefined,
): SubscriptionOptions => (typeof options === 'string' ? { id: options } : (options ?? {}));

/**
 * What {@link TypeSubscription} and {@link TypePrefixSubscription} share: the checked agent type and topic
 * type (or prefix), the id derived from them unless given, the senders, the mapping of a matching topic to
 * `AgentId(agentType, topic.source)` and AutoGen's equality. A kind only says which topic types match.
 */
export abstract class TopicTypeSubscription<K extends Subscription['kind']> implements Subscription {
  readonly kind: K;
  readonly id: string;
  readonly topicType: string;
  readonly agentType: string;
  readonly senders?: SenderRules;

  /** `idPrefix` starts the derived id (`<idPrefix>:<topicType>-><agentType>`), stable in every process. */
  protected constructor(
    kind: K,
    idPrefix: string,
    topicType: string,
    agentType: string,
    options: string | SubscriptionOptions | undefined,
  ) {
    const { id, senders } = subscriptionOptions(options);
    assertTopicType(topicType);
    assertAgentType(agentType);
    this.kind = kind;
    this.topicType = topicType;
    this.agentType = agentType;
    if (senders !== undefined) this.senders = senders;
    this.id = id ?? `${idPrefix}:${topicType}->${agentType}`;
  }

  abstract isMatch(topic: TopicId): boolean;

  mapToAgent(topic: TopicId): AgentId {
    if (!this.isMatch(topic)) {
      throw new CantHandleError(`Subscription ${this.id} cannot handle topic ${topic.toString()}`);
    }
    return new AgentId(this.agentType, topic.source);
  }

  equals(other: Subscription): boolean {
    return (
      other.id === this.id ||
      (other.kind === this.kind && other.topicType === this.topicType && other.agentType === this.agentType)
    );
  }
}
