import { DEFAULT_TOPIC_SOURCE } from '../contracts/envelope.js';
import { handlingAgent } from './message-handler-context.js';
import { TopicId } from './topic-id.js';

/** The topic type AutoGen's `DefaultTopicId` and `DefaultSubscription` use. */
export const DEFAULT_TOPIC_TYPE = 'default';

/**
 * AutoGen's `DefaultTopicId`: a {@link TopicId} whose type defaults to `default` and whose source, when not
 * given, is the key of the agent whose handler is running — so a handler publishing to it reaches the same
 * key of every agent type with a `DefaultSubscription` — and `default` outside any handler.
 *
 * @example
 * ```ts
 * on.event(Task, async (task, ctx) => {
 *   await ctx.publish(Done, { id: task.id }, new DefaultTopicId()); // source = ctx.recipient.key
 * });
 * ```
 */
export class DefaultTopicId extends TopicId {
  constructor(type: string = DEFAULT_TOPIC_TYPE, source?: string) {
    super(type, source ?? handlingAgent()?.key ?? DEFAULT_TOPIC_SOURCE);
  }
}
