/** The topic type AutoGen's `DefaultTopicId` and `DefaultSubscription` use. */
export const DEFAULT_TOPIC_TYPE = 'default';
