import { TypePrefixSubscription } from './type-prefix-subscription.js';

/**
 * The subscription registering an agent type adds (AutoGen's `BaseAgent.register`): topic types starting with
 * `"<type>:"` go to `AgentId(type, topic.source)`. The `:` keeps `orders` from receiving `orders2:…`.
 *
 * @example
 * ```ts
 * directMessageSubscription('triage').isMatch(new TopicId('triage:urgent', 't-1')); // true → triage/t-1
 * ```
 */
export const directMessageSubscription = (agentType: string): TypePrefixSubscription =>
  new TypePrefixSubscription(`${agentType}:`, agentType);
