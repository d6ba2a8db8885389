import type { SenderRules } from '../contracts/senders.js';
import type { AgentId } from './agent-id.js';
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
