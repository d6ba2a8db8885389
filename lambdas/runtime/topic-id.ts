import { DEFAULT_TOPIC_SOURCE } from '../contracts/envelope.js';
import { assertKey, assertTopicType } from './identifiers.js';

/**
 * A topic: its type names the kind of event, its source the context it belongs to (AutoGen's `TopicId`).
 * Subscriptions map a topic to the `AgentId(agentType, topic.source)` that handles it, so the source
 * is what picks the agent instance. String form `type/source`.
 *
 * @example
 * ```ts
 * await runtime.publish(OrderPlaced, order, new TopicId('order.placed', order.orderId));
 * ```
 */
export class TopicId {
  readonly type: string;
  readonly source: string;

  constructor(type: string, source: string = DEFAULT_TOPIC_SOURCE) {
    assertTopicType(type);
    assertKey('topic source', source);
    this.type = type;
    this.source = source;
  }

  toString(): string {
    return `${this.type}/${this.source}`;
  }

  toJSON(): string {
    return this.toString();
  }
}
