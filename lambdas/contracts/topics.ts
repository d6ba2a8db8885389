/**
 * Topic types agentbridge publishes on. Domain events from the event store go to `domain.<EventType>`;
 * order outcomes to `order.completed` / `order.failed`.
 */
export const TOPICS = {
  orderRequested: 'order.requested',
  orderCompleted: 'order.completed',
  orderFailed: 'order.failed',
  orderStateChanged: 'order.state-changed',
  orderTransitionRejected: 'order.transition-rejected',
  lifecycleTrigger: 'order.lifecycle',
  notification: 'notification',
} as const;

/** The topic type a stored domain event is published on by the outbox. */
export const domainTopic = (eventType: string): string => `domain.${eventType}`;
