import { randomUUID } from 'node:crypto';
import { type Clock, systemClock } from '../../contracts/clock.js';
import { consoleLogger, type Logger } from '../../contracts/logger.js';
import { BackgroundSnapshots } from './background-snapshots.js';
import { decodeEvent } from './decode-event.js';
import { ConcurrencyError, isConcurrencyError, StreamVersionNotFoundError } from './event-store-error.js';
import { InvalidOptionError } from './event-store-input-error.js';
import type { EventStorePort, SerializedEvent } from './event-store-port.js';
import { ANY_VERSION, type ExpectedVersion, resolveExpectedVersion } from './expected-version.js';
import type { AppendOptions, NewEvent } from './new-event.js';
import { type PreparedEvent, prepareAppend } from './prepare-append.js';
import { type ReadOptions, type ReadPage, readPage } from './read-page.js';
import { assertReducer, type LoadedState, type Reducer } from './reducer.js';
import { replay } from './replay.js';
import { type SnapshotPolicy, snapshotBoundary, snapshotInterval } from './snapshot-policy.js';
import type { StoredEvent } from './stored-event.js';
import { assertStreamId } from './stream-id.js';
import { type SnapshotWritten, writeSnapshot } from './write-snapshot.js';

export interface EventStoreOptions {
  readonly adapter: EventStorePort;
  /** Snapshot in the background after appends (in-process use). On Lambda, drive snapshots from the stream. */
  readonly snapshots?: SnapshotPolicy;
  /** Receives background snapshot failures; default `consoleLogger`. */
  readonly logger?: Logger;
  readonly clock?: Clock;
  readonly newId?: () => string;
  /** Attempts of an `'any'` append that keeps losing races; default 5. */
  readonly anyVersionAttempts?: number;
}

export interface AppendResult {
  readonly streamId: string;
  readonly events: readonly StoredEvent[];
  /** The stream's version after this append: pass it as the next expected version. */
  readonly nextExpectedVersion: number;
}

/**
 * An append-only event store over a storage port (DynamoDB or in-memory). Versions are contiguous from 1;
 * an append is all-or-nothing and conditional on the expected version; loads start from the newest
 * snapshot the reducer can use. Nothing here publishes: the table's stream is the outbox.
 *
 * @example
 * ```ts
 * const store = new EventStore({ adapter: new DynamoDbEventStoreAdapter({ documentClient, tableName }) });
 * await store.append('user-42', 'no-stream', [{ type: 'UserCreated', data: { name: 'Ada' } }]);
 * const { state, version } = await store.load('user-42', users);
 * ```
 */
export class EventStore {
  readonly #adapter: EventStorePort;
  readonly #snapshots: { readonly policy: SnapshotPolicy; readonly every: number } | undefined;
  readonly #background: BackgroundSnapshots;
  readonly #clock: Clock;
  readonly #newId: () => string;
  readonly #anyAttempts: number;

  constructor(options: EventStoreOptions) {
    this.#adapter = options.adapter;
    const policy = options.snapshots;
    this.#snapshots = policy === undefined ? undefined : { policy, every: snapshotInterval(policy) };
    this.#background = new BackgroundSnapshots(options.logger ?? consoleLogger);
    this.#clock = options.clock ?? systemClock;
    this.#newId = options.newId ?? randomUUID;
    this.#anyAttempts = options.anyVersionAttempts ?? 5;
    if (!Number.isSafeInteger(this.#anyAttempts) || this.#anyAttempts < 1) {
      throw new InvalidOptionError('anyVersionAttempts', this.#anyAttempts, 'expected an integer ≥ 1');
    }
  }

  /**
   * Appends 1–100 events atomically if the stream is at `expectedVersion` (`'no-stream'` = 0; `'any'` = its
   * current version, retried internally). Every check runs before the write, so bad input writes nothing.
   *
   * @throws ConcurrencyError when another writer got there first; input errors from `event-store-input-error`.
   */
  async append(
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    assertStreamId(streamId);
    const expected = resolveExpectedVersion(expectedVersion);
    const prepared = prepareAppend(streamId, events, options, {
      now: new Date(this.#clock.now()),
      newId: this.#newId,
    });
    const written =
      expected === ANY_VERSION
        ? await this.#appendAtCurrentVersion(streamId, prepared)
        : await this.#write(streamId, expected, prepared, expectedVersion);
    const base = written[0] === undefined ? 0 : written[0].version - 1;
    const nextExpectedVersion = base + written.length;
    this.#scheduleSnapshot(streamId, base, nextExpectedVersion);
    return { streamId, events: written.map(decodeEvent), nextExpectedVersion };
  }

  /** The stream's version (its number of events); 0 when it does not exist. */
  async currentVersion(streamId: string): Promise<number> {
    assertStreamId(streamId);
    return this.#adapter.currentVersion(streamId);
  }

  /** Events from `fromVersion` (default 1) upwards, one page; follow `cursor` for the next. */
  async readForward(streamId: string, options?: ReadOptions): Promise<ReadPage> {
    assertStreamId(streamId);
    return readPage(this.#adapter, streamId, 'forward', options);
  }

  /** Events from `fromVersion` (default: the last) downwards, one page; follow `cursor` for the next. */
  async readBackward(streamId: string, options?: ReadOptions): Promise<ReadPage> {
    assertStreamId(streamId);
    return readPage(this.#adapter, streamId, 'backward', options);
  }

  /** The stream's current state: the newest snapshot written by this reducer version plus the events after it. */
  async load<S>(streamId: string, reducer: Reducer<S>): Promise<LoadedState<S>> {
    assertStreamId(streamId);
    assertReducer(reducer);
    return replay(this.#adapter, streamId, reducer, Number.MAX_SAFE_INTEGER);
  }

  /**
   * The state right after event `version` (0 = the initial state).
   *
   * @throws StreamVersionNotFoundError when the stream has not reached `version`.
   */
  async loadAt<S>(streamId: string, version: number, reducer: Reducer<S>): Promise<LoadedState<S>> {
    assertStreamId(streamId);
    assertReducer(reducer);
    if (!Number.isSafeInteger(version) || version < 0) {
      throw new InvalidOptionError('version', version, 'expected a non-negative integer');
    }
    const loaded = await replay(this.#adapter, streamId, reducer, version);
    if (loaded.version < version) throw new StreamVersionNotFoundError(streamId, version, loaded.version);
    return loaded;
  }

  /**
   * Writes the reducer's state at `atVersion` (default: now) as a snapshot. Idempotent: a snapshot already at
   * that version is left alone. Resolves `undefined` when there is nothing new to snapshot.
   *
   * @throws NotJsonSerializableError / SnapshotTooLargeError when the state cannot be stored.
   */
  async snapshot<S>(
    streamId: string,
    reducer: Reducer<S>,
    atVersion?: number,
  ): Promise<SnapshotWritten | undefined> {
    const loaded =
      atVersion === undefined
        ? await this.load(streamId, reducer)
        : await this.loadAt(streamId, atVersion, reducer);
    return writeSnapshot(this.#adapter, streamId, reducer.version, loaded, new Date(this.#clock.now()));
  }

  /** Resolves once every background snapshot started so far has settled. */
  idle(): Promise<void> {
    return this.#background.idle();
  }

  async #write(
    streamId: string,
    expected: number,
    prepared: readonly PreparedEvent[],
    asGiven: ExpectedVersion,
  ): Promise<SerializedEvent[]> {
    const events = prepared.map((event, index) => ({ ...event, version: expected + index + 1 }));
    try {
      await this.#adapter.appendEvents(streamId, expected, events);
    } catch (error) {
      // Report the expected version the way the caller wrote it (`'no-stream'`, `'any'`), not as resolved.
      if (isConcurrencyError(error) && asGiven !== expected) {
        throw new ConcurrencyError(streamId, asGiven, error.actualVersion, { cause: error });
      }
      throw error;
    }
    return events;
  }

  async #appendAtCurrentVersion(
    streamId: string,
    prepared: readonly PreparedEvent[],
  ): Promise<SerializedEvent[]> {
    for (let attempt = 1; ; attempt += 1) {
      const current = await this.#adapter.currentVersion(streamId);
      try {
        return await this.#write(streamId, current, prepared, current);
      } catch (error) {
        if (!isConcurrencyError(error) || attempt >= this.#anyAttempts) {
          throw isConcurrencyError(error)
            ? new ConcurrencyError(streamId, ANY_VERSION, error.actualVersion, { cause: error })
            : error;
        }
      }
    }
  }

  #scheduleSnapshot(streamId: string, previousVersion: number, newVersion: number): void {
    if (this.#snapshots === undefined) return;
    const boundary = snapshotBoundary(previousVersion, newVersion, this.#snapshots.every);
    if (boundary === undefined) return;
    const { policy } = this.#snapshots;
    // The reducer lookup is caller code: inside the task, so a throwing lookup cannot fail a written append.
    this.#background.run({ streamId, version: boundary }, async () => {
      const reducer = policy.reducerFor(streamId);
      if (reducer !== undefined) await this.snapshot(streamId, reducer, boundary);
    });
  }
}
