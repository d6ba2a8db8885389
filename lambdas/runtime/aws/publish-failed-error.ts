import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/** One event EventBridge did not accept, after every attempt the retry policy allowed. */
export interface FailedEvent {
  /** Position in the list given to `publish`/`publishBatch`/`putEvents`. */
  readonly index: number;
  /** `metadata.id` of the message. */
  readonly messageId: string;
  readonly detailType: string;
  /** EventBridge's per-entry `ErrorCode`, or the SDK error's name when the whole call failed. */
  readonly errorCode: string;
  readonly errorMessage: string;
}

/**
 * Some events were still rejected when the retry policy ran out (or were rejected with a code retrying cannot
 * fix, such as `MalformedDetail`). Every other event of the call was accepted. Never a silent drop: each
 * failure is listed with EventBridge's error code.
 */
export class PublishFailedError extends AgentbridgeError {
  override readonly name = 'PublishFailedError';
  readonly failures: readonly FailedEvent[];
  /** How many events of the call EventBridge accepted. */
  readonly published: number;

  constructor(failures: readonly FailedEvent[], published: number) {
    const summary = failures
      .slice(0, 3)
      .map((failure) => `${failure.messageId} (${failure.detailType}): ${failure.errorCode}`)
      .join('; ');
    const more = failures.length > 3 ? `; and ${failures.length - 3} more` : '';
    // Transient: EventBridge may accept the events on a later attempt of the delivery.
    super('PUBLISH_FAILED', `EventBridge rejected ${failures.length} event(s): ${summary}${more}`, {
      transient: true,
    });
    this.failures = failures;
    this.published = published;
  }
}

/** One event is over EventBridge's 256 KB entry limit; raised before any call, nothing was published. */
export class EventTooLargeError extends AgentbridgeError {
  override readonly name = 'EventTooLargeError';
  readonly index: number;
  readonly messageId: string;
  readonly detailType: string;
  readonly bytes: number;
  readonly limit: number;

  constructor(index: number, messageId: string, detailType: string, bytes: number, limit: number) {
    super(
      'EVENT_TOO_LARGE',
      `Event ${messageId} (${detailType}) is ${bytes} bytes; EventBridge accepts at most ${limit} per entry`,
    );
    this.index = index;
    this.messageId = messageId;
    this.detailType = detailType;
    this.bytes = bytes;
    this.limit = limit;
  }
}
