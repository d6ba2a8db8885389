import type { Notification } from '../../lambdas/contracts/notification/notification-messages.js';
import type { TraceEvent } from './trace-event.js';

/**
 * A recorded notification as a trace event: channel, recipient, and the subject (email) or the text (SMS).
 *
 * @example
 * ```ts
 * notificationTraceEvent(notification); // { kind: 'notification', channel: 'sms', recipient: '+14155550101', text: 'Order o-1 shipped…' }
 * ```
 */
export function notificationTraceEvent(notification: Notification): TraceEvent {
  return {
    kind: 'notification',
    at: Date.parse(notification.sentAt),
    channel: notification.channel,
    recipient: notification.recipient,
    text: notification.subject ?? notification.body,
  };
}
