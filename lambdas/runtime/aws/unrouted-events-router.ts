import type { Clock } from '../../contracts/clock.js';
import type { BusEvent } from '../../patterns/event-bus/bus-event.js';
import type { EventDeadLetters } from '../../patterns/event-bus/event-dead-letters.js';
import { compileEventPattern } from '../event-pattern/compile-event-pattern.js';
import type { CompiledEventPattern } from '../event-pattern/compiled-event-pattern.js';
import type { EventPattern } from '../event-pattern/event-pattern.js';

export interface UnroutedEventsRouterOptions {
  /** The event patterns of every rule on the bus but the unrouted-events rule itself. */
  readonly patterns: readonly EventPattern[];
  /** The unrouted queue. */
  readonly unrouted: EventDeadLetters;
  readonly clock: Clock;
}

/** What the router did with one event. */
export type UnroutedVerdict = 'routed' | 'unrouted';

/**
 * The function behind the unrouted-events rule: an event the rule let through is matched against every rule's
 * pattern with the local cloud's matcher; one that none matches goes, exactly as it arrived, to the unrouted
 * queue as a `no-subscribers` dead letter, where `agentbridge dlq` shows and redrives it.
 *
 * @example
 * ```ts
 * const router = new UnroutedEventsRouter({ patterns, unrouted: new SqsEventDeadLetters({ sqs, queueUrl }), clock });
 * await router.route(event); // 'unrouted'
 * ```
 */
export class UnroutedEventsRouter {
  readonly #patterns: readonly CompiledEventPattern[];
  readonly #options: UnroutedEventsRouterOptions;

  constructor(options: UnroutedEventsRouterOptions) {
    this.#patterns = options.patterns.map((pattern) => compileEventPattern(pattern));
    this.#options = options;
  }

  async route(event: BusEvent): Promise<UnroutedVerdict> {
    if (this.#patterns.some((pattern) => pattern.matches(event as unknown as Record<string, unknown>))) {
      return 'routed';
    }
    await this.#options.unrouted.add({
      reason: 'no-subscribers',
      message: `no rule on the bus matches this ${event['detail-type']} event`,
      event,
      recordedAt: new Date(this.#options.clock.now()).toISOString(),
    });
    return 'unrouted';
  }
}
