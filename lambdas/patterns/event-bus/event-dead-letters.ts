import type { BusEvent } from './bus-event.js';

/**
 * Why an event went to dead letters: nobody it reached (no subscription of its type, or every subscription's
 * filter refused it), a subscriber that threw, a relevance scoring that threw or answered no number, or an
 * event that is not one (no source or detail-type, not JSON).
 */
export const EVENT_DEAD_LETTER_REASONS = [
  'no-subscribers',
  'delivery-failed',
  'scoring-failed',
  'invalid-event',
] as const;
export type EventDeadLetterReason = (typeof EVENT_DEAD_LETTER_REASONS)[number];

/** One event that did not reach (one of) its subscribers, kept whole with why. */
export interface EventDeadLetter {
  readonly reason: EventDeadLetterReason;
  /** For a person: `no subscribers`, `delivery to pager failed: …`. */
  readonly message: string;
  /** The event as published, envelope and detail untouched. */
  readonly event: BusEvent;
  /** The subscription (and its subscriber) whose delivery or scoring failed. */
  readonly subscriptionId?: string;
  readonly subscriber?: string;
  /** The code of the error a subscriber or scoring threw (an agentbridge error's `code`, else its name). */
  readonly errorCode?: string;
  readonly recordedAt: string;
}

/**
 * Where an event bus puts what it could not deliver. In process {@link InMemoryEventDeadLetters}; on AWS
 * `SqsEventDeadLetters`, an SQS queue whose messages are the original events (so `agentbridge dlq show`
 * prints them and `redrive` puts them back on the bus) with the reason in message attributes.
 */
export interface EventDeadLetters {
  add(letter: EventDeadLetter): Promise<void>;
}

/**
 * Dead letters kept in memory, in the order they came.
 *
 * @example
 * ```ts
 * const deadLetters = new InMemoryEventDeadLetters();
 * const bus = new FilteringEventBus({ deadLetters });
 * await bus.publish(event);
 * console.log(deadLetters.list().map((letter) => letter.reason)); // ['no-subscribers']
 * ```
 */
export class InMemoryEventDeadLetters implements EventDeadLetters {
  readonly #letters: EventDeadLetter[] = [];

  async add(letter: EventDeadLetter): Promise<void> {
    this.#letters.push(letter);
  }

  /** Every dead letter so far, oldest first. */
  list(): readonly EventDeadLetter[] {
    return [...this.#letters];
  }

  /** Takes every dead letter out (a redrive), oldest first. */
  drain(): EventDeadLetter[] {
    return this.#letters.splice(0, this.#letters.length);
  }
}
