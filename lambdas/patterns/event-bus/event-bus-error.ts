import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/**
 * A subscription that cannot work: an event type that is not a detail-type, a filter EventBridge would refuse
 * (its `InvalidEventPatternError` is the cause), a relevance threshold outside [0, 1).
 */
export class InvalidSubscriptionError extends AgentbridgeError {
  override readonly name = 'InvalidSubscriptionError';
  readonly eventType: string;
  readonly subscriber: string;

  constructor(eventType: string, subscriber: string, problem: string, options?: { cause?: unknown }) {
    super('INVALID_SUBSCRIPTION', `subscription of ${subscriber} to ${eventType}: ${problem}`, options);
    this.eventType = eventType;
    this.subscriber = subscriber;
  }
}

/** A dead letter could not be recorded (the queue refused it): transient, the publish can be tried again. */
export class DeadLetterWriteError extends AgentbridgeError {
  override readonly name = 'DeadLetterWriteError';
  readonly eventId: string;

  constructor(eventId: string, message: string, options?: { cause?: unknown }) {
    super('DEAD_LETTER_WRITE_FAILED', `dead letter of event ${eventId}: ${message}`, {
      ...options,
      transient: true,
    });
    this.eventId = eventId;
  }
}
