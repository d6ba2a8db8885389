import { setTimeout as sleep } from 'node:timers/promises';
import type { AppendResult } from '../../stores/event-store/event-store.js';
import { isConcurrencyError } from '../../stores/event-store/event-store-error.js';
import type { ExpectedVersion } from '../../stores/event-store/expected-version.js';
import type { AppendOptions, NewEvent } from '../../stores/event-store/new-event.js';
import type { LoadedState, Reducer } from '../../stores/event-store/reducer.js';
import type { StoredEvent } from '../../stores/event-store/stored-event.js';
import type { AggregateDefinition } from './aggregate-definition.js';
import { ConcurrencyRetriesExhaustedError, InvalidAggregateOptionsError } from './aggregate-error.js';

export interface AggregateOptions {
  /** Load–decide–append attempts per command, including the first; default 3. */
  readonly maxAttempts?: number;
  /** Upper bound of the random delay before retry n (doubled per retry, "full jitter"); default 10 ms. */
  readonly baseDelayMs?: number;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<unknown>;
}

/** The part of the `EventStore` an aggregate uses (an `EventStore` is one). */
export interface AggregateStore<S> {
  load(streamId: string, reducer: Reducer<S>): Promise<LoadedState<S>>;
  append(
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
}

export interface CommandResult<S> {
  readonly streamId: string;
  /** The events this command appended (empty when `decide` returned none). */
  readonly events: readonly StoredEvent[];
  readonly state: S;
  readonly version: number;
}

/**
 * Runs commands against an event-sourced aggregate: load (snapshot + tail) → decide → append at the loaded
 * version. A lost race reloads and decides again, at most `maxAttempts` times with jittered backoff, so
 * two writers never both act on the same state and a hot stream cannot spin forever.
 *
 * @example
 * ```ts
 * const users = new Aggregate(store, userDefinition);
 * const { state } = await users.execute('user-42', { kind: 'create', name: 'Ada' }, { correlationId });
 * ```
 */
export class Aggregate<S, C> {
  readonly #store: AggregateStore<S>;
  readonly #definition: AggregateDefinition<S, C>;
  readonly #maxAttempts: number;
  readonly #baseDelayMs: number;
  readonly #random: () => number;
  readonly #sleep: (ms: number) => Promise<unknown>;

  constructor(
    store: AggregateStore<S>,
    definition: AggregateDefinition<S, C>,
    options: AggregateOptions = {},
  ) {
    this.#maxAttempts = options.maxAttempts ?? 3;
    if (!Number.isSafeInteger(this.#maxAttempts) || this.#maxAttempts < 1) {
      throw new InvalidAggregateOptionsError('maxAttempts', options.maxAttempts, 'expected an integer ≥ 1');
    }
    this.#baseDelayMs = options.baseDelayMs ?? 10;
    if (!Number.isFinite(this.#baseDelayMs) || this.#baseDelayMs < 0) {
      throw new InvalidAggregateOptionsError(
        'baseDelayMs',
        options.baseDelayMs,
        'expected a finite number ≥ 0',
      );
    }
    this.#store = store;
    this.#definition = definition;
    this.#random = options.random ?? Math.random;
    this.#sleep = options.sleep ?? sleep;
  }

  /**
   * Executes one command. Domain errors thrown by `decide` and event store input errors are not retried.
   *
   * @throws ConcurrencyRetriesExhaustedError when every attempt lost the race.
   */
  async execute(streamId: string, command: C, options?: AppendOptions): Promise<CommandResult<S>> {
    const { evolve } = this.#definition;
    for (let attempt = 1; ; attempt += 1) {
      const loaded = await this.#store.load(streamId, evolve);
      const events = await this.#definition.decide(command, loaded.state, {
        streamId,
        version: loaded.version,
      });
      if (events.length === 0) return { streamId, events: [], state: loaded.state, version: loaded.version };
      try {
        const appended = await this.#store.append(streamId, loaded.version, events, options);
        const state = appended.events.reduce((folded, event) => evolve.apply(folded, event), loaded.state);
        return { streamId, events: appended.events, state, version: appended.nextExpectedVersion };
      } catch (error) {
        if (!isConcurrencyError(error)) throw error;
        if (attempt >= this.#maxAttempts)
          throw new ConcurrencyRetriesExhaustedError(streamId, attempt, error);
        await this.#sleep(this.#random() * this.#baseDelayMs * 2 ** (attempt - 1));
      }
    }
  }
}
