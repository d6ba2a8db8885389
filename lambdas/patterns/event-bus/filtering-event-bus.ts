import { randomUUID } from 'node:crypto';
import { isAgentbridgeError, messageOf } from '../../contracts/agentbridge-error.js';
import { type Clock, systemClock } from '../../contracts/clock.js';
import { compileEventPattern } from '../../runtime/event-pattern/compile-event-pattern.js';
import type { CompiledEventPattern } from '../../runtime/event-pattern/compiled-event-pattern.js';
import type { EventPattern } from '../../runtime/event-pattern/event-pattern.js';
import type { BusEvent, PublishedEvent } from './bus-event.js';
import { DeadLetterWriteError, InvalidSubscriptionError } from './event-bus-error.js';
import type { EventDeadLetter, EventDeadLetters } from './event-dead-letters.js';

/** Whoever receives a type of event: a name (in dead letters and counters) and what it does with one. */
export interface EventSubscriber {
  readonly name: string;
  handle(event: BusEvent): Promise<unknown> | unknown;
}

/** A subscription as a scoring sees it. */
export interface SubscriptionInfo {
  readonly id: string;
  readonly eventType: string;
  readonly subscriber: string;
}

/** A relevance model: the event reaches the subscriber only when its score is above the threshold. */
export interface RelevanceScoring {
  /** How relevant the event is to this subscriber, in [0, 1]. */
  score(event: BusEvent, subscription: SubscriptionInfo): Promise<number> | number;
  /** Delivered only when the score is above it. Default {@link DEFAULT_RELEVANCE_THRESHOLD}. */
  readonly threshold?: number;
}

/** The relevance a scoring filter asks for by default: delivered when the score is above 0.7. */
export const DEFAULT_RELEVANCE_THRESHOLD = 0.7;

export interface SubscribeOptions {
  /** An EventBridge event pattern the whole event (envelope and detail) must match. */
  readonly filter?: EventPattern;
  /** Asked after the filter passed. */
  readonly scoring?: RelevanceScoring;
}

export interface FilteringEventBusOptions {
  readonly deadLetters: EventDeadLetters;
  readonly clock?: Clock;
  /** Generates the id of a subscription and of an event published without one. Default random UUIDs. */
  readonly newId?: () => string;
}

/** What one publish did, subscription by subscription. */
export interface PublishOutcome {
  readonly eventId: string;
  /** Subscriptions the event was delivered to. */
  readonly delivered: readonly string[];
  /** Subscriptions whose subscriber threw (or whose scoring failed): each has its dead letter. */
  readonly failed: readonly string[];
  /** Subscriptions whose filter refused the event. */
  readonly filteredOut: readonly string[];
  /** Subscriptions whose scoring judged the event not relevant enough. */
  readonly belowThreshold: readonly string[];
  readonly deadLetters: readonly EventDeadLetter[];
}

/** What the bus has done since it was created. */
export interface EventBusStats {
  readonly published: number;
  readonly delivered: number;
  readonly failed: number;
  /** Events that reached no subscriber: dead-lettered as `no-subscribers`. */
  readonly unrouted: number;
  readonly invalid: number;
  readonly filteredOut: number;
  readonly belowThreshold: number;
  /** Failed deliveries (and scorings) by subscription id. */
  readonly failuresBySubscription: Readonly<Record<string, number>>;
}

interface Subscription extends SubscriptionInfo {
  readonly target: EventSubscriber;
  readonly filter: CompiledEventPattern | undefined;
  readonly scoring: RelevanceScoring | undefined;
  readonly threshold: number;
}

type Verdict =
  | { readonly kind: 'delivered' | 'filteredOut' | 'belowThreshold'; readonly id: string }
  | { readonly kind: 'failed'; readonly id: string; readonly letter: EventDeadLetter };

const errorCode = (error: unknown): string =>
  isAgentbridgeError(error) ? error.code : error instanceof Error ? error.name : 'Error';

/**
 * Publish and subscribe in process, with filters and dead letters. `subscribe` takes an event type (the
 * detail-type), a subscriber and optionally an EventBridge event pattern as filter (matched by the same
 * matcher as the local cloud's rules) and a relevance scoring (delivered only above its threshold, 0.7 by
 * default). `publish` delivers the event in parallel to every subscription of its type whose filter and
 * scoring admit it, each subscriber given its own copy. A subscriber that throws gets a `delivery-failed`
 * dead letter with the reason and the original event; an event no subscription admits — none of its type,
 * or every filter refused it — gets one `no-subscribers` dead letter, which is what the unrouted-events rule
 * does on AWS for an event no rule's pattern matches. An event a scoring judged irrelevant reached its
 * subscription and is only counted. Bad input (no source or detail-type, not JSON) is dead-lettered as
 * `invalid-event`, never thrown.
 *
 * @example
 * ```ts
 * const bus = new FilteringEventBus({ deadLetters: new InMemoryEventDeadLetters() });
 * bus.subscribe('IncidentOpened', pager, { filter: { detail: { severity: [{ numeric: ['<=', 2] }] } } });
 * const outcome = await bus.publish({ source: 'ops.intake', 'detail-type': 'IncidentOpened', detail });
 * ```
 */
export class FilteringEventBus {
  readonly #deadLetters: EventDeadLetters;
  readonly #clock: Clock;
  readonly #newId: () => string;
  readonly #subscriptions = new Map<string, Subscription>();
  readonly #failures = new Map<string, number>();
  #stats = {
    published: 0,
    delivered: 0,
    failed: 0,
    unrouted: 0,
    invalid: 0,
    filteredOut: 0,
    belowThreshold: 0,
  };

  constructor(options: FilteringEventBusOptions) {
    this.#deadLetters = options.deadLetters;
    this.#clock = options.clock ?? systemClock;
    this.#newId = options.newId ?? randomUUID;
  }

  /** Subscribes to one event type; returns the subscription's id (for {@link unsubscribe}). */
  subscribe(eventType: string, subscriber: EventSubscriber, options: SubscribeOptions = {}): string {
    const name = subscriber.name;
    if (typeof eventType !== 'string' || eventType.length === 0) {
      throw new InvalidSubscriptionError(
        String(eventType),
        name,
        'the event type is a non-empty detail-type',
      );
    }
    let filter: CompiledEventPattern | undefined;
    if (options.filter !== undefined) {
      try {
        filter = compileEventPattern(options.filter);
      } catch (cause) {
        throw new InvalidSubscriptionError(eventType, name, `its filter: ${messageOf(cause)}`, { cause });
      }
    }
    const threshold = options.scoring?.threshold ?? DEFAULT_RELEVANCE_THRESHOLD;
    if (!(threshold >= 0 && threshold < 1)) {
      throw new InvalidSubscriptionError(eventType, name, 'the relevance threshold is in [0, 1)');
    }
    const id = this.#newId();
    this.#subscriptions.set(id, {
      id,
      eventType,
      subscriber: name,
      target: subscriber,
      filter,
      scoring: options.scoring,
      threshold,
    });
    return id;
  }

  /** Ends a subscription; false when there was none by that id. */
  unsubscribe(subscriptionId: string): boolean {
    return this.#subscriptions.delete(subscriptionId);
  }

  /** The subscriptions, as a scoring sees them. */
  subscriptions(): SubscriptionInfo[] {
    return [...this.#subscriptions.values()].map(({ id, eventType, subscriber }) => ({
      id,
      eventType,
      subscriber,
    }));
  }

  /**
   * Delivers the event to every subscription that admits it, in parallel, and records what did not reach its
   * subscriber. Throws only {@link DeadLetterWriteError} (transient) when a dead letter could not be recorded.
   */
  async publish(published: PublishedEvent): Promise<PublishOutcome> {
    this.#stats.published += 1;
    const checked = this.#checked(published);
    if ('problem' in checked) {
      this.#stats.invalid += 1;
      const letter = this.#letter(checked.event, 'invalid-event', `not an event: ${checked.problem}`);
      return this.#finish(checked.event.id, [], [letter]);
    }
    const { event, text } = checked;
    const ofType = [...this.#subscriptions.values()].filter((s) => s.eventType === event['detail-type']);
    const verdicts = await Promise.all(ofType.map((subscription) => this.#offer(subscription, event, text)));
    const letters = verdicts.flatMap((verdict) => (verdict.kind === 'failed' ? [verdict.letter] : []));
    if (verdicts.every((verdict) => verdict.kind === 'filteredOut')) {
      this.#stats.unrouted += 1;
      const why =
        ofType.length === 0 ? 'no subscribers' : `no subscribers: all ${ofType.length} filters refused it`;
      letters.push(this.#letter(event, 'no-subscribers', why));
    }
    return this.#finish(event.id, verdicts, letters);
  }

  /** The counters since the bus was created. */
  stats(): EventBusStats {
    return { ...this.#stats, failuresBySubscription: Object.fromEntries(this.#failures) };
  }

  /** The event with its id and time, and its JSON text; or why it is not an event. */
  #checked(
    published: PublishedEvent,
  ): { event: BusEvent; text: string } | { event: BusEvent; problem: string } {
    const raw = (typeof published === 'object' && published !== null ? published : {}) as PublishedEvent;
    const event = {
      ...raw,
      id: typeof raw.id === 'string' && raw.id.length > 0 ? raw.id : this.#newId(),
      time: typeof raw.time === 'string' ? raw.time : new Date(this.#clock.now()).toISOString(),
    } as BusEvent;
    if (typeof published !== 'object' || published === null) return { event, problem: 'not an object' };
    for (const field of ['source', 'detail-type'] as const) {
      if (typeof event[field] !== 'string' || event[field].length === 0)
        return { event, problem: `${field} is not a non-empty string` };
    }
    if (!('detail' in event)) return { event, problem: 'it has no detail' };
    try {
      return { event, text: JSON.stringify(event) };
    } catch (error) {
      return { event, problem: `not JSON (${messageOf(error)})` };
    }
  }

  async #offer(subscription: Subscription, event: BusEvent, text: string): Promise<Verdict> {
    const { id, filter, scoring } = subscription;
    let matches: boolean;
    try {
      matches = filter === undefined || filter.matches(text);
    } catch {
      // A value JSON holds but the matcher cannot compare (a number beyond its range) matches no pattern.
      matches = false;
    }
    if (!matches) return { kind: 'filteredOut', id };
    if (scoring !== undefined) {
      let score: number;
      try {
        score = await scoring.score(JSON.parse(text) as BusEvent, this.#info(subscription));
      } catch (error) {
        return this.#failed(
          subscription,
          event,
          'scoring-failed',
          `scoring for ${subscription.subscriber} failed: ${messageOf(error)}`,
          errorCode(error),
        );
      }
      if (typeof score !== 'number' || Number.isNaN(score)) {
        return this.#failed(
          subscription,
          event,
          'scoring-failed',
          `scoring for ${subscription.subscriber} answered ${String(score)}, not a number`,
          'NOT_A_SCORE',
        );
      }
      if (!(score > subscription.threshold)) return { kind: 'belowThreshold', id };
    }
    try {
      await subscription.target.handle(JSON.parse(text) as BusEvent);
      return { kind: 'delivered', id };
    } catch (error) {
      return this.#failed(
        subscription,
        event,
        'delivery-failed',
        `delivery to ${subscription.subscriber} failed: ${messageOf(error)}`,
        errorCode(error),
      );
    }
  }

  #info({ id, eventType, subscriber }: Subscription): SubscriptionInfo {
    return { id, eventType, subscriber };
  }

  #failed(
    subscription: Subscription,
    event: BusEvent,
    reason: 'delivery-failed' | 'scoring-failed',
    message: string,
    code: string,
  ): Verdict {
    const letter = this.#letter(event, reason, message, {
      subscriptionId: subscription.id,
      subscriber: subscription.subscriber,
      errorCode: code,
    });
    return { kind: 'failed', id: subscription.id, letter };
  }

  #letter(
    event: BusEvent,
    reason: EventDeadLetter['reason'],
    message: string,
    about: Pick<EventDeadLetter, 'subscriptionId' | 'subscriber' | 'errorCode'> = {},
  ): EventDeadLetter {
    return { reason, message, event, ...about, recordedAt: new Date(this.#clock.now()).toISOString() };
  }

  async #finish(
    eventId: string,
    verdicts: readonly Verdict[],
    letters: readonly EventDeadLetter[],
  ): Promise<PublishOutcome> {
    const ids = (kind: Verdict['kind']) => verdicts.filter((v) => v.kind === kind).map((v) => v.id);
    const outcome: PublishOutcome = {
      eventId,
      delivered: ids('delivered'),
      failed: ids('failed'),
      filteredOut: ids('filteredOut'),
      belowThreshold: ids('belowThreshold'),
      deadLetters: letters,
    };
    this.#stats.delivered += outcome.delivered.length;
    this.#stats.failed += outcome.failed.length;
    this.#stats.filteredOut += outcome.filteredOut.length;
    this.#stats.belowThreshold += outcome.belowThreshold.length;
    for (const id of outcome.failed) this.#failures.set(id, (this.#failures.get(id) ?? 0) + 1);
    const writes = await Promise.allSettled(letters.map((letter) => this.#deadLetters.add(letter)));
    const refused = writes.find((write): write is PromiseRejectedResult => write.status === 'rejected');
    if (refused !== undefined) {
      throw new DeadLetterWriteError(eventId, messageOf(refused.reason), { cause: refused.reason });
    }
    return outcome;
  }
}
