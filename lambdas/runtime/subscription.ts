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
  isMatch(topic: TopicId): boolean;
  /** The agent a matching topic goes to; throws `CantHandleError` when the topic does not match. */
  mapToAgent(topic: TopicId): AgentId;
  /** AutoGen equality: the same id, or the same kind, topic type and agent type. */
  equals(other: Subscription): boolean;
}
